// The market index: every term of a region, period and employment type with its headline figures, filtered by
// category, search and workplace, sortable by every column. One GraphQL query per view; "Show more" asks for the
// next page.
import { graphql } from './api.js';
import { count, money, share, change, signed, tone, escape } from './format.js';
import { state, link, scopeVariables, pickers, showError } from './pickers.js';

const PAGE = 100;

const QUERY = `query Index($region: String!, $period: PeriodInput, $employment: Employment, $workplace: Workplace,
    $category: String, $search: String, $sort: TermSort, $first: Int!, $after: String) {
  categories { name }
  market(region: $region, period: $period, employment: $employment, workplace: $workplace) {
    region { name slug path { name slug } children { name slug } parent { children { name slug } } }
    period { label end months }
    vacancies remoteShare hybridShare salary { median unit }
    terms(category: $category, search: $search, sort: $sort, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { term { name slug category { name } } rank rankChange vacancies shareOfAllVacancies median
        medianChange liveJobs } }
    }
  }
}`;

/** Columns: what each sorts by, its heading, and how a row shows it. */
const COLUMNS = [
  { by: 'RANK', label: 'Rank', cell: r => count(r.rank) },
  { by: 'NAME', label: 'Term', cell: r => r.term.name, term: true },
  { by: 'RANK_CHANGE', label: 'Rank change', cell: r => signed(r.rankChange), tone: r => tone(r.rankChange) },
  { by: 'VACANCIES', label: 'Vacancies', cell: r => count(r.vacancies) },
  { by: null, label: 'Share of all', cell: r => share(r.shareOfAllVacancies) },
  { by: 'MEDIAN', label: 'Median salary', cell: r => money(r.median) },
  { by: 'MEDIAN_CHANGE', label: 'Median change', cell: r => change(r.medianChange), tone: r => tone(r.medianChange) },
  { by: 'LIVE_JOBS', label: 'Live jobs', cell: r => count(r.liveJobs) },
];

const s = state();
const sortBy = s.sort || 'RANK';
const direction = s.dir || (sortBy === 'RANK' || sortBy === 'NAME' ? 'ASC' : 'DESC');

function variables(after) {
  return { ...scopeVariables(s), category: s.category || null, search: s.search || null,
    sort: { by: sortBy, direction }, first: PAGE, after };
}

function head() {
  const cells = COLUMNS.map(c => {
    const cls = c.term ? ' class="term"' : '';
    if (!c.by) return `<th scope="col"${cls}>${c.label}</th>`;
    const sorted = c.by === sortBy;
    const next = sorted ? (direction === 'ASC' ? 'DESC' : 'ASC') : (c.by === 'RANK' || c.by === 'NAME' ? 'ASC' : 'DESC');
    const aria = sorted ? ` aria-sort="${direction === 'ASC' ? 'ascending' : 'descending'}"` : '';
    return `<th scope="col"${cls}${aria}><button type="button" data-sort="${c.by}" data-dir="${next}">${c.label}</button></th>`;
  });
  document.querySelector('#index thead').innerHTML = '<tr>' + cells.join('') + '</tr>';
  document.querySelectorAll('#index thead button').forEach(b =>
    b.addEventListener('click', () => location.assign(link({ sort: b.dataset.sort, dir: b.dataset.dir }))));
}

function rows(edges) {
  return edges.map(({ node: r }) => '<tr>' + COLUMNS.map(c => {
    if (c.term) {
      const href = link({ sort: null, dir: null, category: null, search: null }, '/terms/' + encodeURIComponent(r.term.slug));
      return `<td class="term"><a href="${escape(href)}">${escape(r.term.name)}</a> <span class="muted">${escape(r.term.category.name)}</span></td>`;
    }
    return `<td class="${c.tone ? c.tone(r) : ''}">${escape(c.cell(r))}</td>`;
  }).join('') + '</tr>').join('');
}

async function main() {
  const mainEl = document.getElementById('main');
  head();
  let data;
  try {
    data = await graphql(QUERY, variables(null));
  } catch (e) {
    document.querySelector('#index tbody').innerHTML = '';
    showError(mainEl, e);
    document.body.dataset.loaded = 'error';
    return;
  }
  const m = data.market;
  const kind = s.employment === 'CONTRACT' ? 'contract' : 'permanent';
  document.title = `IT job market in ${m.region.name} · jobstats`;
  document.getElementById('title').textContent = `IT job market: ${m.region.name}`;
  document.getElementById('lead').textContent = `Every skill and job title in ${kind} IT job ads posted in the ${m.period.label}` +
    (s.workplace ? ` (${s.workplace.toLowerCase()} jobs only)` : '') + ', by demand.';
  const categories = data.categories.map(c =>
    `<option value="${escape(c.name)}"${c.name === s.category ? ' selected' : ''}>${escape(c.name)}</option>`).join('');
  pickers(document.getElementById('pickers'), s, m.region,
    `<label>Category<select name="category"><option value="">All</option>${categories}</select></label>
     <label>Search<input type="search" name="search" value="${escape(s.search || '')}" placeholder="e.g. python"></label>
     <input type="hidden" name="sort" value="${escape(s.sort || '')}"><input type="hidden" name="dir" value="${escape(s.dir || '')}">`);
  document.getElementById('summary').innerHTML = [
    ['Vacancies', count(m.vacancies)], ['Median salary', money(m.salary.median)],
    ['Remote', share(m.remoteShare)], ['Hybrid', share(m.hybridShare)], ['Terms', count(m.terms.totalCount)],
  ].map(([label, value]) => `<div class="card"><div class="value">${escape(value)}</div><div class="label">${label}</div></div>`).join('');
  document.getElementById('caption').textContent = `${count(m.terms.totalCount)} terms in ${m.region.name}, ${m.period.label}`;
  const body = document.querySelector('#index tbody');
  body.innerHTML = m.terms.edges.length ? rows(m.terms.edges) : '<tr><td colspan="8">No term matches.</td></tr>';
  document.body.dataset.loaded = 'true';
  const more = document.getElementById('more');
  let page = m.terms.pageInfo;
  more.hidden = !page.hasNextPage;
  more.onclick = async () => {
    more.disabled = true;
    try {
      const next = (await graphql(QUERY, variables(page.endCursor))).market.terms;
      body.insertAdjacentHTML('beforeend', rows(next.edges));
      page = next.pageInfo;
      more.hidden = !page.hasNextPage;
    } catch (e) {
      showError(mainEl, e);
    } finally {
      more.disabled = false;
    }
  };
}

main();
