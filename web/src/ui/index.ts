/** Small accessible building blocks shared by every dashboard. */
export { Field, TextInput, TextArea, SelectInput } from './Field.tsx';
export { Button } from './Button.tsx';
export { ErrorMessage } from './ErrorMessage.tsx';
export { FormFooter, FormProblem, type FormFooterProps } from './FormFooter.tsx';
export { Notice } from './Notice.tsx';
export { Loaded, MissingRecord, type QueryState } from './Loaded.tsx';
export { Loading, Empty } from './States.tsx';
export { Table, type Column, type TableProps } from './Table.tsx';
export { PagedTable, type PagedTableProps } from './PagedTable.tsx';
export { nodesOf, type Connection } from './connection.ts';
export { Pager, useCursorPages, usePageFilter, type CursorPages, type PageSummary } from './Pager.tsx';
export { Chosen, ChoiceList } from './Choice.tsx';
export { Section } from './Section.tsx';
export { useFields, type Fields } from './use-fields.ts';
export { useOpened, type Opened } from './use-opened.ts';
export { useMutationForm } from './use-mutation-form.ts';
