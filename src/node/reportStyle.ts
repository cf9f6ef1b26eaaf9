// Style: readable on screen, printable on A4 or Letter, no fonts or files from anywhere.

export const STYLE = `
:root { color-scheme: light; --ink: #0f172a; --muted: #475569; --faint: #64748b; --line: #e2e8f0; --panel: #f8fafc; --accent: #2563eb; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #fff; color: var(--ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1160px; margin: 0 auto; padding: 32px 28px 48px; }
header { border-bottom: 3px solid var(--ink); padding-bottom: 16px; margin-bottom: 24px; }
.kicker { margin: 0 0 4px; color: var(--faint); font-size: 13px; letter-spacing: .02em; text-transform: uppercase; }
h1 { margin: 0 0 12px; font-size: 30px; line-height: 1.2; letter-spacing: -.01em; }
h2 { margin: 32px 0 12px; font-size: 19px; }
.scenarios { margin: 0; display: grid; gap: 6px; }
.scenarios div { display: grid; grid-template-columns: 84px 1fr; gap: 12px; }
.scenarios dt { color: var(--faint); font-size: 13px; text-transform: uppercase; letter-spacing: .02em; padding-top: 2px; }
.scenarios dd { margin: 0; }
.scenarios dd span { color: var(--muted); font-size: 14px; }
.scenarios dd strong { margin-right: 6px; }
.overview { display: grid; gap: 16px; }
.overview.with-chart { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); align-items: stretch; }
.key-figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px; align-content: start; }
.with-chart .key-figures { grid-template-columns: 1fr 1fr; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.card-label { color: var(--muted); font-size: 13px; }
.card-value { font-size: 24px; font-weight: 650; font-variant-numeric: tabular-nums; line-height: 1.3; }
.card-detail { color: var(--faint); font-size: 12.5px; font-variant-numeric: tabular-nums; }
table.headline { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 14px; }
.headline.single { max-width: 760px; }
.headline th, .headline td { padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
.headline thead th { text-align: right; border-bottom: 2px solid var(--ink); font-size: 13px; vertical-align: bottom; }
.headline thead th:first-child { text-align: left; }
.headline tbody th { text-align: left; font-weight: 500; }
.headline td { text-align: right; white-space: nowrap; }
.headline .group th { background: var(--panel); color: var(--muted); font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: .03em; padding-top: 10px; }
.headline .mean { font-weight: 600; }
.headline .pm { color: var(--muted); }
.headline .ci { display: block; color: var(--faint); font-size: 12px; }
.headline .sub { display: block; font-weight: 400; color: var(--faint); font-size: 12px; }
.headline td.empty { background: repeating-linear-gradient(135deg, transparent 0 6px, #f1f5f9 6px 8px); }
.lines h3 { margin: 24px 0 8px; font-size: 15px; color: var(--ink); }
.line-figures { margin-bottom: 8px; }
.line-figures .card-value { font-size: 20px; }
.headline.by-line td.list { text-align: left; white-space: normal; color: var(--muted); font-size: 13px; }
.chart-grid.wide { grid-template-columns: 1fr; margin-top: 20px; }
.note { color: var(--faint); font-size: 13px; margin: 8px 0 0; }
.chart-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 20px 24px; }
figure.chart { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 12px 12px 6px; break-inside: avoid; page-break-inside: avoid; }
figure.chart figcaption { font-size: 13px; color: var(--muted); margin-bottom: 6px; }
figure.chart figcaption strong { color: var(--ink); font-size: 14px; }
figure.chart svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
.scenario-json { margin-top: 32px; border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
.scenario-json summary { cursor: pointer; color: var(--muted); font-weight: 600; }
.scenario-json pre { margin: 10px 0 0; font: 12.5px/1.45 ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
footer { margin-top: 28px; color: var(--faint); font-size: 12px; }
@media (max-width: 900px) { .overview.with-chart { grid-template-columns: 1fr; } }
@media (max-width: 640px) { .with-chart .key-figures { grid-template-columns: 1fr; } main { padding: 20px 14px; } .chart-grid { grid-template-columns: 1fr; } .headline td { white-space: normal; } }
@media print {
  @page { margin: 14mm; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .card, figure.chart, .scenario-json { border-color: #cbd5e1; }
  .chart-grid { grid-template-columns: 1fr; }
  h2 { break-after: avoid; }
  table.headline { break-inside: auto; }
  .headline tr { break-inside: avoid; }
}
`;
