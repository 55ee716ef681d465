import { getMigrations } from 'better-auth/db/migration';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, splitSqlStatements } from '../../src/server';
import { createTestDatabase, type TestDatabase } from './db';
import { createAuth } from './harness';

interface Column {
  table_name: string;
  column_name: string;
  data_type: string;
  character_maximum_length: number | null;
  is_nullable: 'YES' | 'NO';
  column_default: string | null;
}

let database: TestDatabase;

async function columns(table: string) {
  const { rows } = await sql<Column>`
    select table_name, column_name, data_type, character_maximum_length, is_nullable, column_default
    from information_schema.columns
    where table_schema = current_schema() and table_name = ${table}
    order by column_name`.execute(database.db);
  return Object.fromEntries(
    rows.map((c) => [
      c.column_name,
      {
        type: c.character_maximum_length ? `${c.data_type}(${c.character_maximum_length})` : c.data_type,
        nullable: c.is_nullable === 'YES',
        default: c.column_default,
      },
    ]),
  );
}

async function indexes(table: string) {
  const { rows } = await sql<{ indexname: string }>`
    select indexname from pg_indexes where schemaname = current_schema() and tablename = ${table}
    order by indexname`.execute(database.db);
  return rows.map((r) => r.indexname);
}

async function tables() {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_name not like 'profilekit_migration%'
    order by table_name`.execute(database.db);
  return rows.map((r) => r.table_name);
}

async function constraints(table: string) {
  const { rows } = await sql<{
    constraint_type: string;
    columns: string;
    foreign_table: string | null;
    delete_rule: string | null;
  }>`
    select tc.constraint_type,
           string_agg(distinct kcu.column_name, ',') as columns,
           max(ccu.table_name) filter (where tc.constraint_type = 'FOREIGN KEY') as foreign_table,
           max(rc.delete_rule) as delete_rule
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu
      on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
    left join information_schema.constraint_column_usage ccu
      on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
    left join information_schema.referential_constraints rc
      on rc.constraint_name = tc.constraint_name and rc.constraint_schema = tc.constraint_schema
    where tc.table_schema = current_schema() and tc.table_name = ${table}
      and tc.constraint_type in ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')
    group by tc.constraint_name, tc.constraint_type
    order by tc.constraint_type, columns`.execute(database.db);
  return rows;
}

const NOW = 'now()';
const UUID = 'gen_random_uuid()';

describe('given an empty database', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('migrates up, down and up again', async () => {
    const up = [
      { name: '0001_auth_and_profiles', direction: 'Up' },
      { name: '0002_rate_limits', direction: 'Up' },
      { name: '0003_host_answers', direction: 'Up' },
      { name: '0004_background_queries', direction: 'Up' },
      { name: '0005_two_factor', direction: 'Up' },
    ];
    expect(await migrate(database.db)).toEqual(up);
    expect(await migrate(database.db)).toEqual([]);
    expect(await tables()).toEqual([
      'accounts',
      'rate_limits',
      'sessions',
      'two_factors',
      'user_profiles',
      'users',
      'verifications',
    ]);
    expect(await migrate(database.db, 'down')).toEqual([{ name: '0005_two_factor', direction: 'Down' }]);
    expect(await tables()).not.toContain('two_factors');
    expect(Object.keys(await columns('users'))).not.toContain('two_factor_enabled');
    expect(await migrate(database.db, 'down')).toEqual([
      { name: '0004_background_queries', direction: 'Down' },
    ]);
    expect(Object.keys(await columns('user_profiles'))).not.toContain('facts');
    expect(await indexes('user_profiles')).toEqual(['user_profiles_pkey', 'user_profiles_user_id_key']);
    const { rows: functions } = await sql`select 1 from pg_proc where proname = 'profilekit_facts'`.execute(
      database.db,
    );
    expect(functions).toEqual([]);
    expect(await migrate(database.db, 'down')).toEqual([{ name: '0003_host_answers', direction: 'Down' }]);
    expect(Object.keys(await columns('user_profiles'))).not.toContain('answers');
    expect(await migrate(database.db, 'down')).toEqual([{ name: '0002_rate_limits', direction: 'Down' }]);
    expect(await tables()).not.toContain('rate_limits');
    expect(await migrate(database.db, 'reset')).toEqual([
      { name: '0001_auth_and_profiles', direction: 'Down' },
    ]);
    expect(await tables()).toEqual([]);
    expect(await migrate(database.db)).toEqual(up);
  });

  describe('after migrating', () => {
    it('creates users with the seed columns plus what better-auth needs (no password_hash)', async () => {
      expect(await columns('users')).toEqual({
        id: { type: 'uuid', nullable: false, default: UUID },
        email: { type: 'character varying(255)', nullable: false, default: null },
        better_auth_id: { type: 'character varying(255)', nullable: true, default: null },
        created_at: { type: 'timestamp with time zone', nullable: false, default: NOW },
        updated_at: { type: 'timestamp with time zone', nullable: false, default: NOW },
        name: { type: 'text', nullable: false, default: null },
        email_verified: { type: 'boolean', nullable: false, default: 'false' },
        image: { type: 'text', nullable: true, default: null },
        two_factor_enabled: { type: 'boolean', nullable: false, default: 'false' },
      });
      expect(await constraints('users')).toEqual([
        { constraint_type: 'PRIMARY KEY', columns: 'id', foreign_table: null, delete_rule: null },
        { constraint_type: 'UNIQUE', columns: 'better_auth_id', foreign_table: null, delete_rule: null },
        { constraint_type: 'UNIQUE', columns: 'email', foreign_table: null, delete_rule: null },
      ]);
    });

    it('creates user_profiles with every column from both seeds', async () => {
      expect(await columns('user_profiles')).toEqual({
        id: { type: 'uuid', nullable: false, default: UUID },
        user_id: { type: 'uuid', nullable: false, default: null },
        languages: { type: 'jsonb', nullable: false, default: null },
        frameworks: { type: 'jsonb', nullable: false, default: null },
        experience_years: { type: 'character varying(50)', nullable: true, default: null },
        devices: { type: 'jsonb', nullable: true, default: null },
        architecture_familiarity: { type: 'jsonb', nullable: true, default: null },
        software_experience: { type: 'character varying(20)', nullable: true, default: null },
        hardware_experience: { type: 'character varying(20)', nullable: true, default: null },
        background_preference: { type: 'character varying(20)', nullable: true, default: null },
        answers: { type: 'jsonb', nullable: false, default: "'{}'::jsonb" },
        facts: { type: 'ARRAY', nullable: true, default: null },
        experience_years_from: { type: 'smallint', nullable: true, default: null },
        version: { type: 'integer', nullable: false, default: '1' },
        created_at: { type: 'timestamp with time zone', nullable: false, default: NOW },
        updated_at: { type: 'timestamp with time zone', nullable: false, default: NOW },
      });
      expect(await constraints('user_profiles')).toEqual([
        {
          constraint_type: 'FOREIGN KEY',
          columns: 'user_id',
          foreign_table: 'users',
          delete_rule: 'CASCADE',
        },
        { constraint_type: 'PRIMARY KEY', columns: 'id', foreign_table: null, delete_rule: null },
        { constraint_type: 'UNIQUE', columns: 'user_id', foreign_table: null, delete_rule: null },
      ]);
    });

    it('keeps the credential hash in accounts.password_hash, with sessions and accounts cascading', async () => {
      const accounts = await columns('accounts');
      expect(accounts.password_hash).toEqual({ type: 'text', nullable: true, default: null });
      expect(accounts.user_id).toEqual({ type: 'uuid', nullable: false, default: null });
      for (const table of ['sessions', 'accounts']) {
        expect(await constraints(table)).toContainEqual({
          constraint_type: 'FOREIGN KEY',
          columns: 'user_id',
          foreign_table: 'users',
          delete_rule: 'CASCADE',
        });
      }
      expect(Object.keys(await columns('verifications')).sort()).toEqual(
        ['created_at', 'expires_at', 'id', 'identifier', 'updated_at', 'value'].sort(),
      );
    });

    it('keeps rate-limit counters in rate_limits, unique by key at any length', async () => {
      expect(await columns('rate_limits')).toEqual({
        id: { type: 'uuid', nullable: false, default: UUID },
        key: { type: 'text', nullable: false, default: null },
        count: { type: 'integer', nullable: false, default: null },
        last_request: { type: 'bigint', nullable: false, default: null },
      });
      // A key is a path or an email a client chose: longer than a btree entry allows, and still unique.
      const key = Array.from({ length: 3000 }, (_, i) =>
        String.fromCharCode(0x4e00 + ((i * 7919) % 20000)),
      ).join('');
      await sql`insert into rate_limits (key, count, last_request) values (${key}, 1, 0)`.execute(
        database.db,
      );
      await expect(
        sql`insert into rate_limits (key, count, last_request) values (${key}, 1, 0)`.execute(database.db),
      ).rejects.toThrow(/rate_limits_key_unique/);
      await sql`delete from rate_limits`.execute(database.db);
    });

    it('takes the first counts of one key from many connections at once without a deadlock', async () => {
      const other = database.connect();
      // As better-auth and the account limit count: add one to the row, or create it; a lost race retries.
      const count = async (db: typeof other, key: string): Promise<void> => {
        const updated = await sql`update rate_limits set count = count + 1 where key = ${key}`.execute(db);
        if (Number(updated.numAffectedRows) > 0) return;
        try {
          await sql`insert into rate_limits (key, count, last_request) values (${key}, 1, 0)`.execute(db);
        } catch (error) {
          if ((error as { code?: string }).code !== '23505') throw error;
          await count(db, key);
        }
      };
      for (let round = 0; round < 10; round++) {
        const key = `race:${round}`;
        await Promise.all(Array.from({ length: 16 }, (_, i) => count(i % 2 ? other : database.db, key)));
        const { rows } = await sql<{ count: number }>`
          select count from rate_limits where key = ${key}`.execute(database.db);
        expect(rows).toEqual([{ count: 16 }]);
      }
      await sql`delete from rate_limits`.execute(database.db);
    });

    it('leaves better-auth nothing to create or add', async () => {
      const { toBeCreated, toBeAdded } = await getMigrations(createAuth(database).options);
      expect(toBeCreated).toEqual([]);
      expect(toBeAdded).toEqual([]);
    });

    it('refuses JSONB that is not an array and levels that do not exist', async () => {
      const {
        rows: [user],
      } = await sql<{
        id: string;
      }>`insert into users (name, email) values ('C', 'check@example.test') returning id`.execute(
        database.db,
      );
      const insert = (column: string, value: string) =>
        sql`insert into user_profiles (user_id, languages, frameworks, ${sql.ref(column)})
            values (${user!.id}, '[]', '[]', ${value})`.execute(database.db);
      await expect(
        sql`insert into user_profiles (user_id, languages, frameworks) values (${user!.id}, '{"a":1}', '[]')`.execute(
          database.db,
        ),
      ).rejects.toThrow(/user_profiles_languages_is_array/);
      await expect(insert('devices', '"Pi"')).rejects.toThrow(/user_profiles_devices_is_array/);
      await expect(insert('architecture_familiarity', '{}')).rejects.toThrow(/is_array/);
      await expect(insert('software_experience', 'wizard')).rejects.toThrow(/software_experience_level/);
      await expect(insert('background_preference', 'neither')).rejects.toThrow(/background_preference_value/);
      await expect(insert('answers', '["gpu"]')).rejects.toThrow(/user_profiles_answers_is_object/);
      await expect(insert('answers', 'null')).rejects.toThrow(/user_profiles_answers_is_object/);
      await insert('devices', '["Pi"]');
      await expect(insert('devices', '["Pi"]')).rejects.toThrow(/unique|duplicate/i);
    });

    it('keeps the facts and the first number of years of each profile for the background queries', async () => {
      const {
        rows: [user],
      } = await sql<{
        id: string;
      }>`insert into users (name, email) values ('F', 'facts@example.test') returning id`.execute(
        database.db,
      );
      const sep = '\u001f';
      const {
        rows: [row],
      } = await sql<{ facts: string[]; experience_years_from: number | null }>`
        insert into user_profiles (user_id, languages, frameworks, devices, experience_years, answers)
        values (${user!.id}, ${JSON.stringify([{ language: 'Python', level: 'advanced' }, { language: 7 }])},
          '["React", 3]', '["Pi"]', '10+',
          ${JSON.stringify({ gpu: 'rtx', mentor: true, hours: 5, tools: ['Git', 2, false], rows: [{ a: 'x' }] })})
        returning facts, experience_years_from`.execute(database.db);
      expect(row!.experience_years_from).toBe(10);
      expect([...row!.facts].sort()).toEqual(
        [
          `l${sep}Python`,
          `ll${sep}Python${sep}advanced`,
          `f${sep}React`,
          `d${sep}Pi`,
          `q${sep}gpu${sep}s${sep}rtx`,
          `q${sep}mentor${sep}b${sep}true`,
          `qe${sep}tools${sep}s${sep}Git`,
          `qe${sep}tools${sep}b${sep}false`,
        ].sort(),
      );
      for (const [years, first] of [
        ['3-5', 3],
        ['7', 7],
        ['123', null],
        ['about 5', null],
        [null, null],
      ] as const) {
        const {
          rows: [updated],
        } = await sql<{
          experience_years_from: number | null;
        }>`update user_profiles set experience_years = ${years}
          where user_id = ${user!.id} returning experience_years_from`.execute(database.db);
        expect(updated!.experience_years_from).toBe(first);
      }
      await expect(
        sql`update user_profiles set facts = '{}' where user_id = ${user!.id}`.execute(database.db),
      ).rejects.toThrow(/can only be updated to DEFAULT/);
      expect(await indexes('user_profiles')).toEqual([
        'user_profiles_background_preference_idx',
        'user_profiles_experience_years_from_idx',
        'user_profiles_experience_years_idx',
        'user_profiles_facts_idx',
        'user_profiles_hardware_experience_idx',
        'user_profiles_pkey',
        'user_profiles_software_experience_idx',
        'user_profiles_user_id_key',
      ]);
      await sql`delete from users where id = ${user!.id}`.execute(database.db);
    });

    it('maintains updated_at on every update', async () => {
      const {
        rows: [before],
      } = await sql<{ id: string; updated_at: Date }>`
        insert into users (name, email, updated_at) values ('U', 'updated@example.test', now() - interval '1 day')
        returning id, updated_at`.execute(database.db);
      const {
        rows: [after],
      } = await sql<{
        updated_at: Date;
      }>`update users set name = 'V' where id = ${before!.id} returning updated_at`.execute(database.db);
      expect(after!.updated_at.getTime()).toBeGreaterThan(before!.updated_at.getTime());
    });
  });
});

describe('splitSqlStatements', () => {
  it('keeps dollar-quoted bodies whole and drops comment lines', () => {
    expect(
      splitSqlStatements(
        '-- comment\nCREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql;\n\nSELECT 1;\n',
      ),
    ).toEqual([
      'CREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql',
      'SELECT 1',
    ]);
  });
});
