#!/usr/bin/env python3
"""Distinct term pages for bench/pages.sh: one GraphQL request body per line, from a fixed seed.

Each page is a random term of the taxonomy x a random region of depth 0-3 (UK, nations, areas, subregions) x a random
period end in the two years to the latest posted date held x 3, 6 or 12 months, selecting what a term page shows
(rank, rank change, vacancies, both shares, salaries quoted, salary p10-p90, median change, the nation's median, live
jobs, the year before, both trends, locations, the top 10 co-occurring skills). The values travel as variables, so
every body is distinct and misses both answer caches; figures shared between pages (a universe's size, a region's
term counts) may still be cached, as they would be for real visitors.
With MODE "levels" the region is drawn level first (depth 0, 1, 2 or 3, each a quarter of the pages), then among
that level's regions: most regions of depth 2-3 are villages without ads, so drawn uniformly from all of them ("all",
the default) most pages are empty and cheap; by level, half are the UK or a nation.
Usage: bench/pages.py URL COUNT SEED [all|levels] > bodies.ndjson
"""
import json, random, re, sys, urllib.request
from datetime import date, timedelta
from pathlib import Path

QUERY = """query Page($term: String!, $region: String!, $end: Date!, $months: Int!) {
  term(name: $term) { name market(region: $region, period: {end: $end, months: $months}) {
    rank rankChange vacancies shareOfAllVacancies shareOfCategory salariesQuoted
    salary { sampleSize p10 p25 median p75 p90 } medianChange nationMedian liveJobs
    previous(years: 1) { vacancies salary { median } }
    vacancyTrend { month vacancies share } salaryTrend { month median p10 p90 }
    locations { region { slug } vacancies median medianChange liveJobs }
    coOccurringSkills(first: 10) { rank count share term { name } } } } }"""


def graphql(url, query):
    req = urllib.request.Request(url + "/graphql", json.dumps({"query": query}).encode(),
                                 {"Content-Type": "application/json"})
    answer = json.load(urllib.request.urlopen(req))
    if answer.get("errors"):
        sys.exit("%s answered %s" % (url, answer["errors"]))
    return answer["data"]


def main():
    url, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    by_level = len(sys.argv) > 4 and sys.argv[4] == "levels"
    # UK, then three levels below it, one parent at a time (a whole tree in one query is refused as too costly).
    levels = [[r["slug"] for r in graphql(url, "{ regions { slug } }")["regions"]]]
    for _ in range(3):
        levels.append([c["slug"] for p in levels[-1]
                       for c in graphql(url, "{ regions(parent: %s) { slug } }" % json.dumps(p))["regions"]])
    regions = [r for level in levels for r in level]
    latest = date.fromisoformat(graphql(url, "{ market(region: \"uk\") { period { end } } }")["market"]["period"]["end"])
    taxonomy = Path(__file__).resolve().parent.parent / "src/main/resources/taxonomy/taxonomy.txt"
    terms = [re.split(r"\s*\|", line)[0].lstrip("?!").strip() for line in taxonomy.read_text().splitlines()
             if line.strip() and not line.startswith(("#", "=="))]
    rnd = random.Random(seed)
    for _ in range(count):
        variables = {"term": rnd.choice(terms), "region": rnd.choice(rnd.choice(levels) if by_level else regions),
                     "end": (latest - timedelta(days=rnd.randrange(730))).isoformat(),
                     "months": rnd.choice([3, 6, 12])}
        print(json.dumps({"query": QUERY, "operationName": "Page", "variables": variables}))


main()
