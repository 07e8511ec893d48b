// Charts with uPlot (served from its WebJar), each in a <figure> with a caption and, as its text alternative, a table
// of the same points. A figure's data-points attribute says how many points it drew.
import uPlot from '/webjars/uplot/dist/uPlot.esm.js';
import { escape } from './format.js';

const monthSeconds = m => {
  const [y, mo] = m.split('-').map(Number);
  return Date.UTC(y, mo - 1, 1) / 1000;
};

function chartWidth(el) {
  return Math.max(260, Math.min(1060, el.clientWidth || 600));
}

function draw(figure, options, data) {
  const plot = figure.querySelector('.plot');
  plot.replaceChildren();
  const chart = new uPlot({ ...options, width: chartWidth(figure), height: 260 }, data, plot);
  new ResizeObserver(() => chart.setSize({ width: chartWidth(figure), height: 260 })).observe(figure);
  return chart;
}

/** The figure's skeleton: caption, the plot, and a collapsed table of the points for screen readers and copying. */
export function figure(id, caption, headers, rows) {
  const body = rows.map(r => '<tr>' + r.map(c => `<td>${escape(c)}</td>`).join('') + '</tr>').join('');
  return `<figure class="chart" id="${id}" data-points="0">
    <figcaption>${escape(caption)}</figcaption>
    <div class="plot" role="img" aria-label="${escape(caption)}; the table below lists its points"></div>
    <details><summary>Data table</summary><div class="table-wrap"><table>
      <thead><tr>${headers.map(h => `<th scope="col">${escape(h)}</th>`).join('')}</tr></thead>
      <tbody>${body}</tbody></table></div></details>
  </figure>`;
}

const axisLabel = (fmt) => (u, values) => values.map(v => v == null ? '' : fmt(v));

/** Share of all vacancies per month, as a percentage. */
export function vacancyTrend(el, points) {
  const xs = points.map(p => monthSeconds(p.month));
  const ys = points.map(p => p.share == null ? null : p.share * 100);
  draw(el, {
    series: [{}, { label: 'Share of all vacancies (%)', stroke: '#0b5cad', width: 2, value: (u, v) => v == null ? '-' : v.toFixed(3) + '%' }],
    axes: [{}, { values: axisLabel(v => v.toFixed(2) + '%'), size: 60 }],
  }, [xs, ys]);
  el.dataset.points = String(ys.filter(v => v != null).length);
}

/** Median per month with the p10-p90 band shaded between its two edges. */
export function salaryTrend(el, points, unit) {
  const xs = points.map(p => monthSeconds(p.month));
  const money = v => v == null ? '-' : '£' + Math.round(v).toLocaleString('en-GB');
  draw(el, {
    series: [{},
      { label: 'Median', stroke: '#0b5cad', width: 2, value: (u, v) => money(v) },
      { label: '10th percentile', stroke: '#7aa7d6', width: 1, value: (u, v) => money(v) },
      { label: '90th percentile', stroke: '#7aa7d6', width: 1, value: (u, v) => money(v) }],
    bands: [{ series: [3, 2], fill: 'rgba(11, 92, 173, 0.12)' }],
    axes: [{}, { values: axisLabel(v => '£' + (unit === 'DAY' ? Math.round(v) : Math.round(v / 1000) + 'k')), size: 60 }],
  }, [xs, points.map(p => p.median), points.map(p => p.p10), points.map(p => p.p90)]);
  el.dataset.points = String(points.filter(p => p.median != null).length);
}

/** Counts of salary points per band, drawn as bars at each band's lower bound. */
export function histogram(el, bands, unit) {
  const width = bands.length ? bands[0].high - bands[0].low : 1;
  const label = v => '£' + (unit === 'DAY' ? Math.round(v) : Math.round(v / 1000) + 'k');
  draw(el, {
    scales: { x: { time: false, range: () => bands.length ? [bands[0].low, bands[bands.length - 1].high] : [0, 1] } },
    series: [{ value: (u, v) => v == null ? '-' : label(v) + ' to ' + label(v + width) },
      { label: 'Salaries quoted', fill: 'rgba(11, 92, 173, 0.55)', stroke: '#0b5cad',
        paths: uPlot.paths.bars({ size: [1, Infinity], align: 1, gap: 1 }), points: { show: false } }],
    axes: [{ values: axisLabel(label) }, {}],
  }, [bands.map(b => b.low), bands.map(b => b.count)]);
  el.dataset.points = String(bands.length);
}
