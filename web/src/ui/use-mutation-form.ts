/**
 * A form that sends one mutation: the problem found before sending, the mutation's state, the
 * submit handler and what the form's footer shows of them. One place for the rule every such form
 * follows: the browser's submit is prevented, a second submit while the request runs does nothing,
 * a problem found stops the send and is announced, the API's refusal shows under the fields.
 */
import { useState, type FormEvent } from 'react';
import { useMutation, type AnyVariables, type TypedDocumentNode } from 'urql';
import type { FormFooterProps } from './FormFooter.tsx';

/**
 * The form's mutation, its submit handler and its footer's state.
 * @param document - the mutation document
 */
export function useMutationForm<Data, Variables extends AnyVariables>(document: TypedDocumentNode<Data, Variables>) {
  const [problem, setProblem] = useState<string | null>(null);
  const [state, send] = useMutation(document);
  /**
   * The submit handler: does nothing while a request runs, else forgets the last problem and acts.
   * @param act - checks the fields (`refuse(problem)` announces one; then send nothing) and sends
   */
  const submit = (act: (refuse: (problem: string) => void) => Promise<void> | void) => async (event: FormEvent) => {
    event.preventDefault();
    if (state.fetching) return;
    setProblem(null);
    await act(setProblem);
  };
  const footer: Pick<FormFooterProps, 'pending' | 'problem' | 'error'> = { pending: state.fetching, problem, error: state.error };
  return { state, send, submit, footer };
}
