-- Canonical indicators (the taxonomy of schema/indicators.tsv, loaded by open_database) and the
-- `comparisons` view that puts places side by side on one indicator. Safe to re-run.

CREATE TABLE IF NOT EXISTS indicators (
    id TEXT PRIMARY KEY,                -- stable key, referenced by targets.indicator_id
    domain TEXT,                        -- education, health, environment, rural, economy, industry
    name_zh TEXT,                       -- Chinese name
    name_en TEXT,
    unit TEXT,                          -- canonical unit: targets.canonical_value is in it
    level TEXT,                         -- school level(s) the indicator is about, | separated
    all_of TEXT,                        -- matching rules on the indicator text (see indicators.tsv)
    any_of TEXT,
    none_of TEXT,
    pattern TEXT,
    units TEXT,                         -- other accepted units, UNIT=FACTOR
    note TEXT                           -- reference value or source
);

-- One row per (indicator, document) for targets of kind `target` that have an indicator:
-- values in the indicator's canonical unit. When a document states the same indicator more than
-- once, the row with the latest deadline (then the first stated) is kept; `mentions` counts them.
-- `level` is the document's own level, else guessed from which of county, city, province is set.
DROP VIEW IF EXISTS comparisons;
CREATE VIEW comparisons AS
WITH ranked AS (
    SELECT
        t.*,
        ROW_NUMBER() OVER (PARTITION BY t.indicator_id, t.document_id
                           ORDER BY t.deadline IS NULL, t.deadline DESC, t.start, t.id) AS rank,
        COUNT(*) OVER (PARTITION BY t.indicator_id, t.document_id) AS mentions
    FROM targets AS t
    WHERE t.kind = 'target' AND t.indicator_id IS NOT NULL
)
SELECT
    r.indicator_id,
    i.name_zh AS indicator,
    i.name_en AS indicator_en,
    i.domain,
    COALESCE(d.county, d.city, d.province) AS locality,
    d.province,
    d.city,
    d.county,
    d.adcode,
    COALESCE(d.level, CASE
        WHEN d.county IS NOT NULL THEN 'county'
        WHEN d.city IS NOT NULL AND d.city IS NOT d.province THEN 'city'
        WHEN d.province IS NOT NULL THEN 'province' END) AS level,
    r.canonical_value AS value,
    r.canonical_value_max AS value_max,
    r.comparator,
    r.canonical_unit AS unit,
    r.deadline,
    CAST(substr(r.deadline, 1, 4) AS INTEGER) AS deadline_year,
    r.document_id,
    d.title AS document_title,
    d.issued_date,
    r.measure_id,
    r.id AS target_id,
    r.indicator AS indicator_text,
    r.value AS value_as_written,
    r.unit AS unit_as_written,
    r.quote,
    r.mentions
FROM ranked AS r
JOIN indicators AS i ON i.id = r.indicator_id
JOIN documents AS d ON d.id = r.document_id
WHERE r.rank = 1;
