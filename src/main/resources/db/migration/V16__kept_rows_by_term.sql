-- A term's kept salary points and co-occurrences over a period: one region, type and term, a range of half months.
-- Their primary keys put the half month before the term (a recount writes a half month's rows side by side, and the
-- market index reads every term of a half month), so such a read walked every term's entry of each half month to
-- find the term's: on 10M ads ~26,000 index entries and 200 pages for a year's 24 rows (2-3 ms warm, 12-19 ms from
-- the OS's cache). These indexes hold the term's half months side by side.
CREATE INDEX salary_count_term ON salary_count (region_id, employment, term_id, bucket);
CREATE INDEX co_occurrence_term ON co_occurrence (region_id, employment, term_id, bucket);
