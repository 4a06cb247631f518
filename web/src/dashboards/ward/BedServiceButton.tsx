/** Takes a free bed out of service or puts it back; a refusal (the bed was just taken) shows under it. */
import { useMutation } from 'urql';
import { Button, ErrorMessage } from '../../ui/index.ts';
import { WardSetBedOutOfService } from './ward-documents.ts';

/** The toggle for one bed. */
export function BedServiceButton({ bed, disabled }: { bed: { id: string; label: string; outOfService: boolean }; disabled: boolean }) {
  const [state, setOutOfService] = useMutation(WardSetBedOutOfService);
  const next = !bed.outOfService;
  return (
    <div>
      <Button
        look="secondary"
        disabled={disabled || state.fetching}
        onClick={() => void setOutOfService({ bedId: bed.id, outOfService: next })}
        aria-label={next ? `Take bed ${bed.label} out of service` : `Put bed ${bed.label} back in service`}
      >
        {next ? 'Take out of service' : 'Back in service'}
      </Button>
      <ErrorMessage error={state.error} />
    </div>
  );
}
