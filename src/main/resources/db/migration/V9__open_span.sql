-- The longest an ad held has been open: the most days from its posting to its closing date. Every load raises it to
-- its own ads' longest (AdWriter) and nothing lowers it, so it stays an upper bound whatever is deleted. Live jobs on
-- a day then read only the ads posted that many days before it, instead of every ad posted up to it.
CREATE TABLE open_span (
    id   smallint PRIMARY KEY CHECK (id = 1),
    days integer  NOT NULL
);
INSERT INTO open_span SELECT 1, coalesce(max(closes_on - posted_on), 0) FROM ad_fact;
