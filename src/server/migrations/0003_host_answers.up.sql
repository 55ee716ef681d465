-- profilekit 0003: the answers to a host's own questions, keyed by question id. A question the host
-- removes or hides keeps its answer here: writes replace only the answers of the questions they ask.
-- Plain PostgreSQL (13+, PGlite and Neon included). Statements end with a semicolon at the end of a line.

ALTER TABLE user_profiles
  ADD COLUMN answers JSONB NOT NULL DEFAULT '{}'::jsonb
    CONSTRAINT user_profiles_answers_is_object CHECK (jsonb_typeof(answers) = 'object');
