-- profilekit 0004: indexes for the queries over the background (createProfileQueries, docs/personalization.md).
-- Chosen by EXPLAIN at a million profiles (docs/benchmarks.md): a btree per one-value field, so a count reads
-- only the index; and one GIN index over what the lists, languages and host answers hold, stored as "facts"
-- (a text per value): a text[] keeps per-value statistics where JSONB containment is estimated blindly, and
-- its GIN index needs no recheck of the row.
-- Adding the stored column rewrites user_profiles: on a large table, run it when writes are quiet.
-- Plain PostgreSQL (13+, PGlite and Neon included). Statements end with a semicolon at the end of a line.

-- What the lists, the languages and the host answers of a profile hold, one text each, parts joined by the
-- unit separator (chr 31), which no stored name can hold: 'l' + name and 'll' + name + level per language;
-- 'f', 'd' and 'a' + each framework, device and architecture; for a host answer that is a string or a
-- boolean, 'q' + question id + type ('s' or 'b') + value, and 'qe' + the same for each such entry of a list.
-- Only strings (and the booleans of host answers) count, as in the client's `matches`: numbers are compared
-- by value, which a text cannot do.
CREATE FUNCTION profilekit_facts(languages JSONB, frameworks JSONB, devices JSONB, architectures JSONB, answers JSONB)
RETURNS TEXT[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  sep CONSTANT TEXT := chr(31);
BEGIN
  RETURN ARRAY(
    SELECT 'l' || sep || (e ->> 'language')
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(languages) = 'array' THEN languages ELSE '[]' END) AS e
    WHERE jsonb_typeof(e -> 'language') = 'string'
    UNION ALL
    SELECT 'll' || sep || (e ->> 'language') || sep || (e ->> 'level')
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(languages) = 'array' THEN languages ELSE '[]' END) AS e
    WHERE jsonb_typeof(e -> 'language') = 'string' AND jsonb_typeof(e -> 'level') = 'string'
    UNION ALL
    SELECT list.kind || sep || (v #>> '{}')
    FROM (VALUES ('f', frameworks), ('d', devices), ('a', architectures)) AS list (kind, items),
      jsonb_array_elements(CASE WHEN jsonb_typeof(list.items) = 'array' THEN list.items ELSE '[]' END) AS v
    WHERE jsonb_typeof(v) = 'string'
    UNION ALL
    SELECT 'q' || sep || a.key || sep || left(jsonb_typeof(a.value), 1) || sep || (a.value #>> '{}')
    FROM jsonb_each(CASE WHEN jsonb_typeof(answers) = 'object' THEN answers ELSE '{}' END) AS a
    WHERE jsonb_typeof(a.value) IN ('string', 'boolean')
    UNION ALL
    SELECT 'qe' || sep || a.key || sep || left(jsonb_typeof(v), 1) || sep || (v #>> '{}')
    FROM jsonb_each(CASE WHEN jsonb_typeof(answers) = 'object' THEN answers ELSE '{}' END) AS a,
      jsonb_array_elements(CASE WHEN jsonb_typeof(a.value) = 'array' THEN a.value ELSE '[]' END) AS v
    WHERE jsonb_typeof(v) IN ('string', 'boolean')
  );
END;
$$;

-- Both stored, so reading a row's facts or first number of years costs no call; one rewrite of the table.
-- `experience_years_from`: the first number of a years answer written as the questionnaire writes it ("3-5"
-- is 3, "10+" is 10), NULL for anything else.
ALTER TABLE user_profiles
  ADD COLUMN facts TEXT[] GENERATED ALWAYS AS (
    profilekit_facts(languages, frameworks, devices, architecture_familiarity, answers)
  ) STORED,
  ADD COLUMN experience_years_from SMALLINT GENERATED ALWAYS AS (
    CASE WHEN experience_years ~ '^[0-9]{1,2}(-[0-9]{1,2}|\+)?$'
      THEN substring(experience_years FROM '^[0-9]+')::SMALLINT END
  ) STORED;

CREATE INDEX user_profiles_facts_idx ON user_profiles USING gin (facts);
CREATE INDEX user_profiles_experience_years_idx ON user_profiles (experience_years);
CREATE INDEX user_profiles_experience_years_from_idx ON user_profiles (experience_years_from);
CREATE INDEX user_profiles_software_experience_idx ON user_profiles (software_experience);
CREATE INDEX user_profiles_hardware_experience_idx ON user_profiles (hardware_experience);
CREATE INDEX user_profiles_background_preference_idx ON user_profiles (background_preference);
