/** The free beds of one ward as a select, with its loading, failed and "no free bed" states. */
import { Empty, ErrorMessage, Loading, SelectInput } from '../../ui/index.ts';
import type { FreeBeds } from './use-free-beds.ts';

/**
 * The select, or why there is none.
 * @param props.free - the ward's free beds (`useFreeBeds`)
 * @param props.none - the sentence when the ward has no free bed
 */
export function FreeBedSelect({ free, label, value, onChange, none }: { free: FreeBeds; label: string; value: string; onChange: (bedId: string) => void; none: string }) {
  if (free.fetching && free.beds.length === 0) return <Loading label="Loading free beds…" />;
  if (free.error) return <ErrorMessage error={free.error} />;
  if (free.beds.length === 0) return <Empty>{none}</Empty>;
  return (
    <SelectInput
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      options={[{ value: '', label: 'Choose a free bed…' }, ...free.beds.map((bed) => ({ value: bed.id, label: bed.label }))]}
    />
  );
}
