import { describe, expect, it } from 'vitest';
import { splitSql } from './db';

describe('splitSql', () => {
  it('when statements end their lines with semicolons, then each is one statement, comments dropped', () => {
    const sql = `-- a comment; with a semicolon\nCREATE TABLE a (x int);\nINSERT INTO a VALUES (1); -- trailing\nSELECT 1`;
    expect(splitSql(sql)).toEqual(['CREATE TABLE a (x int)', 'INSERT INTO a VALUES (1)', 'SELECT 1']);
  });

  it('when a function body is dollar-quoted, then its inner semicolons do not split it', () => {
    const sql = `CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  RAISE EXCEPTION 'no';\nEND\n$$;\nCREATE FUNCTION g() RETURNS int LANGUAGE plpgsql AS $body$\nBEGIN\n  RETURN 1;\nEND\n$body$;\nSELECT 2;`;
    const parts = splitSql(sql);
    expect(parts).toHaveLength(3);
    expect(parts[0]).toContain("RAISE EXCEPTION 'no';\nEND\n$$");
    expect(parts[1]).toContain('RETURN 1;');
    expect(parts[2]).toBe('SELECT 2');
  });
});
