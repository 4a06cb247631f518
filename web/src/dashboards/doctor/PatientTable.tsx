/** A list of patients with a button to open each chart (the doctor's own list and the search). */
import { Button, Table } from '../../ui/index.ts';

/** What a row shows. */
export interface PatientRow {
  id: string;
  mrn: string;
  fullName: string;
  dateOfBirth: string;
}

/** The table; `onOpenPatient` opens a chart. */
export function PatientTable(props: { caption: string; rows: readonly PatientRow[]; empty: string; onOpenPatient(patientId: string): void }) {
  return (
    <Table
      caption={props.caption}
      rows={props.rows}
      rowKey={(row) => row.id}
      empty={props.empty}
      columns={[
        { header: 'MRN', cell: (row) => row.mrn },
        { header: 'Name', cell: (row) => row.fullName },
        { header: 'Born', cell: (row) => row.dateOfBirth },
        {
          header: 'Chart',
          cell: (row) => (
            <Button look="secondary" onClick={() => props.onOpenPatient(row.id)} aria-label={`Open chart of ${row.fullName}`}>
              Open chart
            </Button>
          ),
        },
      ]}
    />
  );
}
