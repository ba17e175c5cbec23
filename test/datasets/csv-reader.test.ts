/** The CSV/TSV reader against RFC 4180's cases, bare-CR line ends and stray quotes. */
import { describe, expect, it } from "@jest/globals";
import { readLineRecords, readRecordsSync } from "../../src/datasets/containers.js";

const withHeader = (text: string, container: "csv" | "tsv" = "csv") => readRecordsSync(container, Buffer.from(text));
// The first record also carries the header row, and a broken row its content hash (both asserted once
// below); the other cases are about the records.
const read = (text: string, container: "csv" | "tsv" = "csv") =>
  withHeader(text, container).map((e) => {
    if ("issue" in e) {
      const { hash: _hash, ...rest } = e;
      return rest;
    }
    const { header: _header, ...rest } = e;
    return rest;
  });

describe("the CSV reader, on RFC 4180's cases", () => {
  it("2.1/2.2: records end at CRLF, the last one with or without it", () => {
    expect(read("text,label\r\naaa,bbb\r\nzzz,yyy\r\n")).toEqual([
      { line: 2, value: { text: "aaa", label: "bbb" } },
      { line: 3, value: { text: "zzz", label: "yyy" } },
    ]);
    expect(read("text,label\r\naaa,bbb\r\nzzz,yyy")).toHaveLength(2);
  });

  it("2.3: the header names the fields", () => {
    expect(read("label,text\nx,hello\n")).toEqual([{ line: 2, value: { label: "x", text: "hello" } }]);
    expect(withHeader("\nlabel,text\nx,hello\ny,bye\n")).toEqual([
      { line: 3, value: { label: "x", text: "hello" }, header: { line: 2, text: "label,text" } },
      { line: 4, value: { label: "y", text: "bye" } },
    ]);
  });

  it("2.4: every record has the header's number of fields; spaces are part of a field", () => {
    expect(read("a,b\n1, 2 \n1,2,3\n")).toEqual([
      { line: 2, value: { a: "1", b: " 2 " } },
      { line: 3, issue: "expected 2 fields, found 3", text: "1,2,3" },
    ]);
  });

  it("two broken rows with the same message are told apart by their text", () => {
    const [a, b] = withHeader("a,b\n1,2,3\n4,5,6\n");
    expect(a).toEqual(expect.objectContaining({ issue: "expected 2 fields, found 3", hash: expect.any(Number) }));
    expect(b).toEqual(expect.objectContaining({ issue: "expected 2 fields, found 3", hash: expect.any(Number) }));
    expect((a as { hash: number }).hash).not.toBe((b as { hash: number }).hash);
  });

  it("2.5: fields may be quoted or not", () => {
    expect(read('a,b\n"aaa",bbb\n')).toEqual([{ line: 2, value: { a: "aaa", b: "bbb" } }]);
  });

  it("2.6: quoted fields hold commas and line breaks, and the record keeps its first line", () => {
    expect(read('a,b\n"x, y","line one\r\nline two"\nnext,row\n')).toEqual([
      { line: 2, value: { a: "x, y", b: "line one\nline two" } },
      { line: 4, value: { a: "next", b: "row" } },
    ]);
  });

  it('2.7: a quote inside a quoted field is doubled ("")', () => {
    expect(read('a,b\n"she said ""hi""",ok\n')).toEqual([{ line: 2, value: { a: 'she said "hi"', b: "ok" } }]);
  });

  it("an empty quoted field and an empty unquoted one", () => {
    expect(read('a,b,c\n"",,x\n')).toEqual([{ line: 2, value: { a: "", b: "", c: "x" } }]);
  });

  it("a quoted field left open is one issue at its first line", () => {
    expect(read('a,b\nok,fine\n"open,never closed\nmore\n')).toEqual([
      { line: 2, value: { a: "ok", b: "fine" } },
      { line: 3, issue: "unterminated quoted field" },
    ]);
  });

  it("TSV: tabs separate, quotes work the same", () => {
    expect(read('text\tlabel\n"a\tb"\tx\n', "tsv")).toEqual([{ line: 2, value: { text: "a\tb", label: "x" } }]);
  });
});

describe("bare CR line ends (classic Mac OS, some spreadsheet exports)", () => {
  it("end records as LF and CRLF do, with their lines counted", () => {
    expect(read("text,label\raaa,x\rbbb,y\r")).toEqual([
      { line: 2, value: { text: "aaa", label: "x" } },
      { line: 3, value: { text: "bbb", label: "y" } },
    ]);
  });

  it("count for line numbers in a file that mixes them, and stay inside quoted fields", () => {
    expect(read('text,label\raaa,x\nbbb,"y\rz"\nccc,w,extra\n')).toEqual([
      { line: 2, value: { text: "aaa", label: "x" } },
      { line: 3, value: { text: "bbb", label: "y\nz" } },
      { line: 5, issue: "expected 2 fields, found 3", text: "ccc,w,extra" },
    ]);
  });

  it("read the same from a stream cut anywhere", async () => {
    const text = 'text,label\raaa,x\rbbb,y\rccc,"q"""\r';
    const whole = read(text);
    for (let size = 1; size <= 7; size++) {
      const bytes = Buffer.from(text);
      async function* chunks() {
        for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
      }
      const events = [];
      for await (const e of readLineRecords("csv", chunks())) events.push(e);
      expect(events).toEqual(withHeader(text));
    }
    expect(whole).toHaveLength(3);
  });
});

describe("stray quotes", () => {
  it("a quote inside an unquoted field is an issue with its line and column", () => {
    expect(read('text,label\nsay "hi",x\nfine,y\n')).toEqual([
      {
        line: 2,
        issue: 'a quote inside an unquoted field at column 5; a field that holds a quote must be quoted, with the quote doubled ("")',
        text: 'say "hi",x',
      },
      { line: 3, value: { text: "fine", label: "y" } },
    ]);
  });

  it("text after a closing quote is an issue; spaces after it are not", () => {
    expect(read('text,label\n"hi"there,x\n"ok"  ,y\n')).toEqual([
      { line: 2, issue: 'text after a closing quote at column 5; a field that holds a quote must be quoted, with the quote doubled ("")', text: "hi,x" },
      { line: 3, value: { text: "ok", label: "y" } },
    ]);
  });

  it("a stray quote in the header is reported at line 1", () => {
    expect(read('te"xt,label\na,b\n')[0]).toEqual({
      line: 1,
      issue: expect.stringMatching(/^a quote inside an unquoted field at column 3/),
      text: 'te"xt,label',
    });
  });
});
