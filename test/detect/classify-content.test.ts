import { describe, expect, it } from "@jest/globals";
import { classifyContent, decodeText, isLfsPointer } from "../../src/detect/index.js";

const LFS = [
  "version https://git-lfs.github.com/spec/v1",
  "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393",
  "size 12345",
  "",
].join("\n");

describe("classifyContent", () => {
  it("recognises a Git LFS pointer", () => {
    expect(classifyContent(Buffer.from(LFS))).toEqual({ kind: "lfs-pointer" });
    expect(isLfsPointer(Buffer.from(LFS.replace(/\n/g, "\r\n")))).toBe(true);
  });

  it("does not take a file that merely mentions the LFS spec for a pointer", () => {
    expect(classifyContent(Buffer.from("version https://git-lfs.github.com/spec/v1\nno oid here\n"))).toEqual({ kind: "text" });
  });

  it("calls NUL-heavy content binary", () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i += 3) bytes[i] = 0x41;
    const result = classifyContent(bytes);
    expect(result.kind).toBe("binary");
  });

  it("calls mostly non-text bytes binary", () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37 + 11) % 256).map((b) => (b === 0 ? 1 : b)));
    expect(classifyContent(bytes).kind).toBe("binary");
  });

  it("keeps text with a stray NUL and a few invalid UTF-8 bytes as text", () => {
    const good = Buffer.from('{"text": "hello world", "label": "greet"}\n'.repeat(50));
    const bad = Buffer.concat([good, Buffer.from([0xff, 0xfe, 0x00]), Buffer.from('{"text": "bye", "label": "bye"}\n')]);
    expect(classifyContent(bad)).toEqual({ kind: "text" });
  });

  it("treats an empty file as text and strips a BOM when decoding", () => {
    expect(classifyContent(Buffer.alloc(0))).toEqual({ kind: "text" });
    expect(decodeText(Buffer.from("\uFEFFa: 1", "utf8"))).toBe("a: 1");
  });
});
