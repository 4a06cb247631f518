/** Small accessible building blocks shared by every dashboard. */
export { Field, TextInput, SelectInput } from './Field.tsx';
export { Button } from './Button.tsx';
export { ErrorMessage } from './ErrorMessage.tsx';
export { Loading, Empty } from './States.tsx';
export { Table, type Column } from './Table.tsx';
export { Section } from './Section.tsx';
