import { describe, expect, it } from "vitest";
import { html, SafeHtml } from "./html";

describe("html", () => {
  it("escapes interpolated text so it cannot close an attribute or open a tag", () => {
    const state = `"><script>alert(1)</script>`;
    expect(html`<input value="${state}" />`.value).toBe(
      '<input value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" />',
    );
  });

  it("keeps nested html output and lists as markup, and drops empty values", () => {
    const items = ["a<b", "c"].map((text) => html`<li>${text}</li>`);
    expect(html`<ul>${items}</ul>${false}${null}${new SafeHtml("<hr>")}`.value).toBe(
      "<ul><li>a&lt;b</li><li>c</li></ul><hr>",
    );
  });
});
