// A term's page, laid out like the reference page: summary over three years, the market table, vacancy and salary
// trends, the salary histogram, locations, and co-occurring skills. One GraphQL query per view. Every figure's cell
// carries its raw value in data-value, so a test can hold the page to the GraphQL answer.
import { graphql } from './api.js';
import { count, money, share, change, signed, tone, escape } from './format.js';
import { state, link, scopeVariables, pickers, showError } from './pickers.js';
import * as charts from './charts.js';

const QUERY = `query TermPage($slug: String!, $region: String!, $period: PeriodInput, $employment: Employment,
    $workplace: Workplace) {
  term(name: $slug) {
    name slug category { name }
    ... on Role { seniority }
    market(region: $region, period: $period, employment: $employment, workplace: $workplace) {
      ...TermYear
      region { name slug kind path { name slug } children { name slug } parent { children { name slug } } }
      remoteShare hybridShare salaryPremium
      salary { mean medianInterval { low high } histogram { low high count } }
      previous1: previous(years: 1) { ...TermYear }
      previous2: previous(years: 2) { ...TermYear }
      vacancyTrend { month vacancies allVacancies share }
      salaryTrend { month sampleSize p10 median p90 }
      locations { region { name slug } rank rankChange vacancies median medianChange liveJobs }
      coOccurringSkills(first: 30) { rank count share lift term { name slug } }
      coOccurringByCategory(perCategory: 20) { category { name } skills { rank count share term { name slug } } }
      bySeniority { seniority vacancies salariesQuoted median }
    }
  }
  market(region: $region, period: $period, employment: $employment, workplace: $workplace) {
    ...MarketYear
    previous1: previous(years: 1) { ...MarketYear }
    previous2: previous(years: 2) { ...MarketYear }
  }
}
fragment TermYear on TermMarket {
  period { label end months } rank rankChange vacancies shareOfAllVacancies shareOfCategory salariesQuoted
  salary { p10 p25 median p75 p90 unit } medianChange nationMedian nationMedianChange
}
fragment MarketYear on MarketSummary {
  period { label end } vacancies withRecognisedTitle shareWithRecognisedTitle salariesQuoted
  salary { p10 p25 median p75 p90 } medianChange nationMedian nationMedianChange
}`;

const s = state();
const slug = decodeURIComponent(location.pathname.replace(/^\/terms\//, '').replace(/\/$/, ''));

/** A figure's cell: the formatted value, the raw one in data-value ("" for null), a colour for signed ones. */
function cell(value, format, signedTone = false) {
  const raw = value == null ? '' : String(value);
  return `<td data-value="${escape(raw)}" class="${signedTone ? tone(value) : ''}">${escape(format(value))}</td>`;
}

/** A table of figures over the three years: one row per [label, key, read, format, signed]. */
function yearsTable(id, caption, years, rows) {
  const head = years.map(y => `<th scope="col">${y === years[0] ? escape(y.period.label) : 'Same period ' + y.period.end.slice(0, 4)}</th>`);
  const body = rows.map(([label, key, read, format, signedTone]) =>
    `<tr data-figure="${key}"><th scope="row">${escape(label)}</th>${years.map(y => cell(read(y), format, signedTone)).join('')}</tr>`);
  return `<div class="table-wrap"><table id="${id}"><caption>${escape(caption)}</caption>
    <thead><tr><td></td>${head.join('')}</tr></thead><tbody>${body.join('')}</tbody></table></div>`;
}

function termLink(t) {
  return `<a href="${escape(link({}, '/terms/' + encodeURIComponent(t.slug)))}">${escape(t.name)}</a>`;
}

function coOccurrenceTable(id, caption, rows, withLift) {
  const body = rows.map(r => `<tr><td>${termLink(r.term)}</td>${cell(r.rank, count)}${cell(r.count, count)}${cell(r.share, share)}` +
    (withLift ? cell(r.lift, v => v == null ? '-' : v.toFixed(2) + '×') : '') + '</tr>').join('');
  return `<div class="table-wrap"><table id="${id}"><caption>${escape(caption)}</caption><thead><tr><th scope="col">Skill</th>
    <th scope="col">Rank</th><th scope="col">Ads with both</th><th scope="col">Share</th>${withLift ? '<th scope="col">Lift</th>' : ''}</tr></thead>
    <tbody>${body || '<tr><td colspan="5">None.</td></tr>'}</tbody></table></div>`;
}

function render(data) {
  const t = data.term;
  const m = t.market;
  const mk = data.market;
  const r = m.region;
  const kind = s.employment === 'CONTRACT' ? 'contract' : 'permanent';
  const unitWord = m.salary.unit === 'DAY' ? 'daily rate' : 'annual salary';
  const nation = r.path.length >= 1 ? (r.path[1] || r).name : r.name;
  const where = r.kind === 'AREA' || r.kind === 'SUBREGION' || r.kind === 'COUNTRY' ? 'the ' + r.name : r.name;
  const years = [m, m.previous1, m.previous2];
  const markets = [mk, mk.previous1, mk.previous2];
  document.title = `${t.name} jobs in ${where} · jobstats`;
  document.getElementById('title').textContent = `${t.name} Jobs in ${where}`;
  document.getElementById('breadcrumb').innerHTML = [...r.path, r].map(x =>
    `<a href="${escape(link({ region: x.slug }))}">${escape(x.name)}</a>`).join(' › ') + ` · ${escape(t.category.name)}`;
  document.getElementById('index-link').href = link({}, '/');
  pickers(document.getElementById('pickers'), s, r);

  // The salary rows both three-year tables end with, as the reference page has them.
  const salaryRows = [
    ['Number of salaries quoted', 'salariesQuoted', y => y.salariesQuoted, count],
    ['10th Percentile', 'p10', y => y.salary.p10, money],
    ['25th Percentile', 'p25', y => y.salary.p25, money],
    [`Median ${unitWord} (50th Percentile)`, 'median', y => y.salary.median, money],
    ['Median % change year-on-year', 'medianChange', y => y.medianChange, change, true],
    ['75th Percentile', 'p75', y => y.salary.p75, money],
    ['90th Percentile', 'p90', y => y.salary.p90, money],
    [`${nation} median ${unitWord}`, 'nationMedian', y => y.nationMedian, money],
    ['% change year-on-year', 'nationMedianChange', y => y.nationMedianChange, change, true],
  ];
  const sections = [];
  sections.push(`<p class="lead" id="sentence">The median ${escape(t.name)} ${unitWord} in ${escape(where)} is
    <strong>${money(m.salary.median)}</strong> per ${m.salary.unit === 'DAY' ? 'day' : 'year'}, according to ${kind} job vacancies
    posted during the ${escape(m.period.label)}${m.salary.medianInterval ? ` (95% interval ${money(m.salary.medianInterval.low)} to
    ${money(m.salary.medianInterval.high)})` : ''}.</p>`);
  sections.push(`<div class="cards">${[
    ['Vacancies', count(m.vacancies)], ['Mean ' + unitWord, money(m.salary.mean)],
    ['Remote', share(m.remoteShare)], ['Hybrid', share(m.hybridShare)],
    ...(t.seniority ? [['Seniority', t.seniority.toLowerCase()]] : [['Salary premium', change(m.salaryPremium)]]),
  ].map(([label, value]) => `<div class="card"><div class="value">${escape(value)}</div><div class="label">${escape(label)}</div></div>`).join('')}</div>`);

  sections.push(yearsTable('summary', `${t.name}: ${kind} jobs in ${where}`, years, [
    ['Rank', 'rank', y => y.rank, count],
    ['Rank change year-on-year', 'rankChange', y => y.rankChange, signed, true],
    [`${kind[0].toUpperCase() + kind.slice(1)} jobs citing ${t.name}`, 'vacancies', y => y.vacancies, count],
    [`As % of all ${kind} jobs advertised in ${where}`, 'shareOfAllVacancies', y => y.shareOfAllVacancies, share],
    [`As % of the ${t.category.name} category`, 'shareOfCategory', y => y.shareOfCategory, share],
    ...salaryRows,
  ]));

  sections.push(`<h2>All ${kind} IT job vacancies in ${escape(where)}</h2>`);
  sections.push(yearsTable('market', `All ${kind} IT job vacancies in ${where}`, markets, [
    [`${kind[0].toUpperCase() + kind.slice(1)} vacancies with a recognised job title`, 'withRecognisedTitle', y => y.withRecognisedTitle, count],
    [`% of ${kind} jobs with a recognised job title`, 'shareWithRecognisedTitle', y => y.shareWithRecognisedTitle, share],
    ...salaryRows,
  ]));

  sections.push(`<h2>${escape(t.name)}: vacancy trend in ${escape(where)}</h2>`);
  sections.push(charts.figure('vacancy-trend', `Job ads citing ${t.name} as a share of all ${kind} IT jobs advertised in ${where}, by month`,
    ['Month', 'Vacancies', 'All vacancies', 'Share'],
    m.vacancyTrend.map(p => [p.month, count(p.vacancies), count(p.allVacancies), share(p.share)])));
  sections.push(`<h2>${escape(t.name)}: salary trend in ${escape(where)}</h2>`);
  sections.push(charts.figure('salary-trend', `3-month moving median ${unitWord} quoted in jobs citing ${t.name}, with the 10th to 90th percentile band`,
    ['Month', 'Salaries', '10th percentile', 'Median', '90th percentile'],
    m.salaryTrend.map(p => [p.month, count(p.sampleSize), money(p.p10), money(p.median), money(p.p90)])));
  sections.push(`<h2>${escape(t.name)}: salary distribution</h2>`);
  sections.push(charts.figure('salary-histogram', `Salaries quoted in jobs citing ${t.name}, ${m.period.label}, in bands of ${money(m.salary.histogram.length ? m.salary.histogram[0].high - m.salary.histogram[0].low : null)}`,
    ['From', 'To', 'Salaries'], m.salary.histogram.map(b => [money(b.low), money(b.high), count(b.count)])));

  if (m.bySeniority.length) {
    sections.push(`<h2>${escape(t.name)} by seniority</h2><div class="table-wrap"><table id="by-seniority"><caption>Ads citing
      ${escape(t.name)} by the seniority of their job title</caption><thead><tr><th scope="col">Seniority</th><th scope="col">Vacancies</th>
      <th scope="col">Salaries quoted</th><th scope="col">Median</th></tr></thead><tbody>${m.bySeniority.map(b =>
      `<tr><td>${escape(b.seniority.toLowerCase())}</td>${cell(b.vacancies, count)}${cell(b.salariesQuoted, count)}${cell(b.median, money)}</tr>`).join('')}
      </tbody></table></div>`);
  }

  sections.push(`<h2>${escape(t.name)}: job locations in ${escape(where)}</h2>`);
  sections.push(`<div class="table-wrap"><table id="locations"><caption>Demand and median salaries by location, ${escape(m.period.label)}</caption>
    <thead><tr><th scope="col">Location</th><th scope="col">Rank</th><th scope="col">Rank change on same period last year</th>
    <th scope="col">Matching ${kind} IT job ads</th><th scope="col">Median salary</th><th scope="col">Median % change</th>
    <th scope="col">Live jobs</th></tr></thead><tbody>${m.locations.map(l => `<tr data-region="${escape(l.region.slug)}">
      <td><a href="${escape(link({ region: l.region.slug }))}">${escape(l.region.name)}</a></td>${cell(l.rank, count)}
      ${cell(l.rankChange, signed, true)}${cell(l.vacancies, count)}${cell(l.median, money)}${cell(l.medianChange, change, true)}
      ${cell(l.liveJobs, count)}</tr>`).join('') || '<tr><td colspan="7">No ads below this region.</td></tr>'}</tbody></table></div>`);

  sections.push(`<h2>${escape(t.name)} skill set: top ${m.coOccurringSkills.length} co-occurring skills</h2>`);
  sections.push(coOccurrenceTable('co-occurring', `Skills in ${kind} job ads citing ${t.name} in ${where}, by how many cite both`,
    m.coOccurringSkills, true));
  sections.push(`<h2>Co-occurring skills by category</h2><div class="categories">${m.coOccurringByCategory.map((c, i) =>
    coOccurrenceTable('category-' + i, c.category.name, c.skills, false)).join('')}</div>`);

  const page = document.getElementById('page');
  page.innerHTML = sections.join('\n');
  charts.vacancyTrend(document.getElementById('vacancy-trend'), m.vacancyTrend);
  charts.salaryTrend(document.getElementById('salary-trend'), m.salaryTrend, m.salary.unit);
  charts.histogram(document.getElementById('salary-histogram'), m.salary.histogram, m.salary.unit);
  document.body.dataset.loaded = 'true';
}

async function main() {
  try {
    render(await graphql(QUERY, { slug, ...scopeVariables(s) }));
  } catch (e) {
    document.getElementById('title').textContent = slug;
    showError(document.getElementById('page'), e);
    document.body.dataset.loaded = 'error';
  }
}

main();
