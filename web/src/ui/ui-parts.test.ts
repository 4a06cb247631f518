/**
 * The shared form and list parts render what the dashboards (and their browser and axe tests)
 * rely on: roles, labels and button names. Rendered to HTML with React's own server renderer.
 */
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChoiceList, Chosen } from './Choice.tsx';
import { FormFooter } from './FormFooter.tsx';
import { Loaded, MissingRecord } from './Loaded.tsx';
import { Notice } from './Notice.tsx';
import { Pager, type CursorPages } from './Pager.tsx';
import { PagedTable } from './PagedTable.tsx';
import { Section } from './Section.tsx';
import { nodesOf } from './connection.ts';
import { TextArea } from './Field.tsx';

const html = (element: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(element);
const noop = () => undefined;

describe('FormFooter', () => {
  it('says the problem as an alert, then the submit button', () => {
    const out = html(h(FormFooter, { submit: 'Admit patient', busy: 'Admitting…', pending: false, problem: 'Choose a free bed.' }));
    expect(out).toMatch(/<p role="alert"[^>]*>Choose a free bed\.<\/p>/);
    expect(out).toMatch(/<button type="submit"[^>]*>Admit patient<\/button>/);
    expect(out).not.toContain('Cancel');
  });

  it('while pending, disables the submit button and says the busy label; cancel keeps its own label', () => {
    const out = html(h(FormFooter, { submit: 'Confirm void', busy: 'Voiding…', pending: true, onCancel: noop, cancel: 'Keep the invoice', look: 'danger' }));
    expect(out).toMatch(/<button type="submit"[^>]*disabled=""[^>]*>Voiding…<\/button>/);
    expect(out).toMatch(/<button type="button"[^>]*>Keep the invoice<\/button>/);
    expect(out).not.toContain('role="alert"');
  });

  it('shows the API refusal in the words given for its code, and a success line as a status', () => {
    const out = html(h(FormFooter, { submit: 'Book', busy: 'Booking…', pending: false, error: 'boom', notice: 'Appointment booked.' }));
    expect(out).toContain('role="alert"');
    expect(out).toMatch(/<p role="status"[^>]*>Appointment booked\.<\/p>/);
  });

  it('puts leading buttons before the submit button, and `disabled` disables it when not pending', () => {
    const out = html(
      h(FormFooter, { submit: 'Set password', busy: 'Setting…', pending: false, disabled: true, onCancel: noop, leading: h('button', { type: 'button' }, 'Generate') }),
    );
    expect(out.indexOf('Generate')).toBeLessThan(out.indexOf('Set password'));
    expect(out).toMatch(/disabled=""[^>]*>Set password/);
  });
});

describe('Notice', () => {
  it('renders nothing without content, a status with it', () => {
    expect(html(h(Notice, { children: null }))).toBe('');
    expect(html(h(Notice, { children: '' }))).toBe('');
    expect(html(h(Notice, { className: 'print:hidden', children: 'Saved.' }))).toMatch(/^<p role="status" class="[^"]*print:hidden">Saved\.<\/p>$/);
  });
});

describe('Loaded', () => {
  const child = h('span', null, 'the table');
  it('says loading until the first answer, the error if it failed, else the content', () => {
    expect(html(h(Loaded, { result: { fetching: true }, loading: 'Loading invoices…', children: child }))).toContain('Loading invoices…');
    expect(html(h(Loaded, { result: { fetching: false, error: 'failed' }, children: child }))).toContain('role="alert"');
    expect(html(h(Loaded, { result: { fetching: true, data: {} }, children: child }))).toBe('<span>the table</span>');
  });
});

describe('MissingRecord', () => {
  const props = { loading: 'Loading invoice…', missing: 'This invoice could not be found.' };
  it('says loading until the first answer, the error if it failed, else that the record is missing', () => {
    expect(html(h(MissingRecord, { ...props, result: { fetching: true } }))).toContain('Loading invoice…');
    expect(html(h(MissingRecord, { ...props, result: { fetching: false, data: { invoice: {} }, error: 'failed' } }))).toContain('role="alert"');
    expect(html(h(MissingRecord, { ...props, result: { fetching: false, data: { invoice: null } } }))).toMatch(/<p[^>]*>This invoice could not be found\.<\/p>/);
  });
});

describe('Pager', () => {
  const pages = (canGoBack: boolean): CursorPages => ({ after: null, canGoBack, reset: noop, back: noop, forward: noop });
  it('counts in singular or plural and offers only the pages there are', () => {
    const one = html(h(Pager, { pages: pages(false), page: { totalCount: 1, pageInfo: { hasNextPage: false } }, noun: 'invoice' }));
    expect(one).toContain('1 invoice<');
    expect(one).not.toContain('page</button>');
    const many = html(h(Pager, { pages: pages(true), page: { totalCount: 42, pageInfo: { hasNextPage: true, endCursor: 'c2' } }, noun: 'record' }));
    expect(many).toContain('42 records');
    expect(many).toContain('Previous page</button>');
    expect(many).toContain('Next page</button>');
  });
});

describe('Section', () => {
  it('shows the notice of the last action as a status at the top of the card, nothing without one', () => {
    const body = h('p', null, 'the list');
    expect(html(h(Section, { title: 'Ward staff', notice: 'Nurse assigned.', children: body }))).toMatch(
      /<h2[^>]*>Ward staff<\/h2><\/div><p role="status"[^>]*>Nurse assigned\.<\/p><p>the list<\/p>/,
    );
    expect(html(h(Section, { title: 'Ward staff', notice: null, children: body }))).not.toContain('role="status"');
  });
});

describe('PagedTable', () => {
  const pages: CursorPages = { after: 'c1', canGoBack: true, reset: noop, back: noop, forward: noop };
  const page = { totalCount: 2, pageInfo: { hasNextPage: false, endCursor: null }, edges: [{ node: { id: 'a', name: 'Ada' } }, { node: { id: 'b', name: 'Bo' } }] };
  const columns = [{ header: 'Name', cell: (row: { name: string }) => row.name }];
  const props = { loading: 'Loading people…', pages, noun: 'person', caption: 'People', rowKey: (row: { id: string }) => row.id, columns };

  it("shows the page's nodes as rows with the pager under them", () => {
    const out = html(h(PagedTable<{ id: string; name: string }>, { ...props, result: { fetching: false, data: {} }, page }));
    expect(out).toContain('<caption class="sr-only">People</caption>');
    expect(out).toMatch(/<td[^>]*>Ada<\/td>[\s\S]*<td[^>]*>Bo<\/td>/);
    expect(out).toContain('2 persons');
    expect(out).toContain('Previous page');
  });

  it('says it is loading before the first page, and nodesOf reads no page as no rows', () => {
    const out = html(h(PagedTable<{ id: string; name: string }>, { ...props, result: { fetching: true }, page: undefined }));
    expect(out).toContain('Loading people…');
    expect(out).not.toContain('<table');
    expect(nodesOf(undefined)).toEqual([]);
    expect(nodesOf(page)).toEqual([
      { id: 'a', name: 'Ada' },
      { id: 'b', name: 'Bo' },
    ]);
  });
});

describe('pickers and fields', () => {
  it('names each choice after its item and labels the list', () => {
    const out = html(
      h(ChoiceList<{ id: string; name: string }>, { label: 'Matching patients', items: [{ id: 'p1', name: 'Ada' }], name: (p) => p.name, detail: () => 'MRN-1', onChoose: noop }),
    );
    expect(out).toContain('aria-label="Matching patients"');
    expect(out).toContain('aria-label="Choose Ada"');
    expect(out).toContain('(MRN-1)');
    expect(html(h(Chosen, { change: 'Change patient', onChange: noop, children: 'Patient: Ada' }))).toMatch(/Patient: Ada<\/span><button[^>]*>Change patient<\/button>/);
  });

  it('ties a text area to its label', () => {
    const out = html(h(TextArea, { label: 'Discharge summary', rows: 4 }));
    const id = /<label for="([^"]+)"/.exec(out)?.[1];
    expect(id).toBeTruthy();
    expect(out).toContain(`<textarea id="${id ?? ''}"`);
  });
});
