/**
 * A small builder of Grafana dashboard JSON (schema 39): rows of time-series panels over one
 * Prometheus data source chosen by a `datasource` variable. Panels flow left to right, two or
 * three to a row; every query is PromQL that k8s/test/dashboards.test.ts puts through promtool.
 */

/** One query of a panel. */
export interface Query {
  expr: string;
  legend: string;
}

/** One time-series panel. */
export interface PanelSpec {
  title: string;
  description: string;
  /** Grafana unit id: s, percentunit, reqps, short, ops. */
  unit: string;
  queries: Query[];
  /** Panel width in grid columns (24 a row; default 12). */
  width?: number;
}

/** A row of panels. */
export interface RowSpec {
  title: string;
  panels: PanelSpec[];
}

/** A dashboard. */
export interface DashboardSpec {
  uid: string;
  title: string;
  description: string;
  rows: RowSpec[];
}

const DATASOURCE = { type: 'prometheus', uid: '${datasource}' };
const PANEL_HEIGHT = 8;

function panel(spec: PanelSpec, id: number, x: number, y: number): Record<string, unknown> {
  return {
    id,
    type: 'timeseries',
    title: spec.title,
    description: spec.description,
    datasource: DATASOURCE,
    gridPos: { h: PANEL_HEIGHT, w: spec.width ?? 12, x, y },
    fieldConfig: { defaults: { unit: spec.unit, min: 0, custom: { fillOpacity: 10, showPoints: 'never' } }, overrides: [] },
    options: { legend: { displayMode: 'list', placement: 'bottom', showLegend: true }, tooltip: { mode: 'multi', sort: 'desc' } },
    targets: spec.queries.map((q, i) => ({ refId: String.fromCharCode(65 + i), datasource: DATASOURCE, expr: q.expr, legendFormat: q.legend, range: true })),
  };
}

/**
 * The dashboard's JSON model, ready for Grafana's sidecar (one file per dashboard).
 * @param spec - rows and panels
 */
export function dashboard(spec: DashboardSpec): Record<string, unknown> {
  const panels: Record<string, unknown>[] = [];
  let id = 1;
  let y = 0;
  for (const row of spec.rows) {
    panels.push({ id: id++, type: 'row', title: row.title, collapsed: false, gridPos: { h: 1, w: 24, x: 0, y }, panels: [] });
    y += 1;
    let x = 0;
    for (const p of row.panels) {
      const w = p.width ?? 12;
      if (x + w > 24) {
        x = 0;
        y += PANEL_HEIGHT;
      }
      panels.push(panel(p, id++, x, y));
      x += w;
    }
    y += PANEL_HEIGHT;
  }
  return {
    uid: spec.uid,
    title: spec.title,
    description: spec.description,
    tags: ['hospital'],
    editable: false,
    schemaVersion: 39,
    version: 1,
    refresh: '30s',
    time: { from: 'now-6h', to: 'now' },
    timezone: 'browser',
    graphTooltip: 1,
    templating: { list: [{ name: 'datasource', label: 'Prometheus', type: 'datasource', query: 'prometheus', current: {}, hide: 0 }] },
    annotations: { list: [] },
    links: [{ title: 'Hospital dashboards', type: 'dashboards', tags: ['hospital'], asDropdown: true }],
    panels,
  };
}

/** Every PromQL expression of a dashboard's JSON model (for the checks). */
export function expressionsOf(model: { panels?: Array<{ targets?: Array<{ expr?: string }> }> }): string[] {
  return (model.panels ?? []).flatMap((p) => (p.targets ?? []).map((t) => t.expr ?? ''));
}

/** PromQL helpers: rate window (Grafana's own, never shorter than four scrapes) and quantiles. */
export const RATE = '$__rate_interval';
export const rate = (selector: string, by = '') => `sum${by ? ` by (${by})` : ''} (rate(${selector}[${RATE}]))`;
export const quantile = (q: number, bucket: string, by = '') => `histogram_quantile(${q}, sum by (le${by ? `, ${by}` : ''}) (rate(${bucket}[${RATE}])))`;
/** Ratio of two rates, 0 when the denominator is idle (no NaN gaps). */
export const ratio = (num: string, den: string) => `(${num}) / clamp_min(${den}, 1e-9)`;
