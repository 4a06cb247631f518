/** How full every ward is now: beds, occupied, free, out of service and the occupied share. */
import { Table } from '../../ui/index.ts';

/** One ward's figures, as the overview query returns them. */
export interface OccupancyRow {
  ward: { id: string; name: string; code: string };
  beds: number;
  occupied: number;
  free: number;
  outOfService: number;
  rate: number;
}

/** The summary table; the current ward's row is marked. */
export function OccupancySummary({ rows, currentWardId }: { rows: readonly OccupancyRow[]; currentWardId: string | null }) {
  return (
    <Table
      caption="Occupancy by ward"
      rows={rows}
      rowKey={(row) => row.ward.id}
      empty="No wards to show: you are not assigned to any ward yet."
      columns={[
        { header: 'Ward', cell: (row) => (row.ward.id === currentWardId ? <strong>{row.ward.name}</strong> : row.ward.name) },
        { header: 'Beds', cell: (row) => row.beds },
        { header: 'Occupied', cell: (row) => row.occupied },
        { header: 'Free', cell: (row) => row.free },
        { header: 'Out of service', cell: (row) => row.outOfService },
        { header: 'Occupancy', cell: (row) => `${Math.round(row.rate * 100)} %` },
      ]}
    />
  );
}
