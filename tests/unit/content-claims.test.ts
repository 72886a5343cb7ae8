// Classes of wrong claims that once reached the bank (issue #23), checked in everything users read: each rule
// names the kind of sentence (or block) it is about and what such a statement must or must not say. Every rule
// is shown to catch the sentences that were reported and to pass their corrections.
import { describe, expect, it } from "vitest";
import { readContent } from "@/seed/content";
import { blocks, readableSources, sentences } from "../support/claims";

type Rule = {
  claim: string;
  /** Where the claim lives: one sentence, or a paragraph or list item with its heading. */
  scope: "sentence" | "block";
  /** The unit is about this claim when every pattern matches. */
  about: RegExp[];
  must?: RegExp;
  mustNot?: RegExp;
  reported: string[];
  corrected: string[];
};

// Settings, options and APIs Django removed (release notes, "Features removed in 4.0 / 4.1 / 5.0 / 5.1"):
// the content targets 5.2 and 6.0, where they no longer exist. Case-sensitive: assertQuerySetEqual is current.
const REMOVED =
  /\b(index_together|STATICFILES_STORAGE|DEFAULT_FILE_STORAGE|get_storage_class|length_is|assertQuerysetEqual|make_random_password|CICharField|CIEmailField|CITextField|USE_L10N|USE_DEPRECATED_PYTZ|CSRF_COOKIE_MASKED|SECURE_BROWSER_XSS_FILTER|MemcachedCache|python-memcached|ugettext\w*|force_text|smart_text|is_ajax|is_safe_url|NullBooleanField|DEFAULT_HASHING_ALGORITHM)\b/;

const rules: Rule[] = [
  {
    claim: "names a Django feature removed by 5.1 without saying it was removed",
    scope: "sentence",
    about: [REMOVED],
    must: /\b(removed|no longer exists?)\b/i,
    reported: [
      "`index_together` is deprecated in favour of `Meta.indexes`.",
      "- `STORAGES` is the Django 4.2+ setting; older projects use `STATICFILES_STORAGE`.",
    ],
    corrected: ["`index_together` was deprecated in Django 4.2 and removed in 5.1: use `Meta.indexes`."],
  },
  {
    claim: "says fixture loading does not send model signals, without saying they come with raw=True",
    scope: "block",
    about: [
      /\b(loaddata|fixtures?)\b/i,
      /(n't|\b(not|never|bypass\w*|skip\w*|without))\b[^.;]*\b(signals?|pre_save|post_save)\b/i,
    ],
    must: /\braw\b/,
    reported: ["**Fixtures**\n- Drawbacks: they don't go through `save()` or signals; they break when models change."],
    corrected: [
      "**Fixtures**\n- Rows are loaded raw: `save()` is not called, but `pre_save` and `post_save` are sent with `raw=True`.",
    ],
  },
  {
    claim: "gives a feature release's support period without saying it means security fixes",
    scope: "sentence",
    about: [
      /\b(feature releases?|non-LTS|LTS)\b/i,
      /\b(support(ed)?|fixes)\b[^.;]*\b(until|for (about )?\w+ (months|years))\b/i,
    ],
    must: /\bsecurity\b/i,
    reported: ["Other feature releases are supported only until shortly after the next one ships."],
    corrected: [
      "Any other feature release gets bug fixes until the next feature release ships, and security fixes until the one after that ships.",
    ],
  },
  {
    claim: "says upload_to makes file names safe, unique or random",
    scope: "sentence",
    about: [/upload_to/],
    mustNot:
      /upload_to`?\)?\s+(\w+\s+){0,2}(generates?|creates?|makes?|produces?|ensures?|gives?|guarantees?)\b[^.;]*\b(safe|unique|random|unguessable|saniti[sz]ed)\b/i,
    reported: ["- Never trust user-supplied filenames or paths (`upload_to` generates safe ones)."],
    corrected: [
      "`upload_to` is only a directory prefix or a callable you write; the client's filename is kept after `get_valid_name()` has sanitised it.",
    ],
  },
  {
    claim: "says a practice format is modelled on, based on or built from what candidates report",
    scope: "sentence",
    about: [/./],
    mustNot:
      /\b(modell?ed|based|built|drawn|derived)\s+(on|from)\s+(what\s+)?(candidates?|interviewees?|(public\s+)?candidate\s+reports?)\b/i,
    reported: [
      "Practice format modelled on what candidates report; not Deloitte's official process.",
      "*This is a practice format built from candidate reports, not McKinsey & Company's official interview process.*",
    ],
    corrected: ["A practice format inspired by public candidate reports; not Deloitte's interview process."],
  },
  {
    claim: "cites candidate reports without saying the format is only inspired by public ones",
    scope: "sentence",
    about: [/\bcandidates?['’]?\s+report/i],
    must: /\binspired by (a few )?public candidate reports\b/i,
    reported: ["Interview format based on candidate reports."],
    corrected: ["Practice formats, some inspired by public candidate reports and some generic."],
  },
];

function units(rule: Rule, text: string): string[] {
  const bs = blocks(text);
  return rule.scope === "block" ? bs : bs.flatMap(sentences);
}

function violations(rule: Rule, text: string): string[] {
  return units(rule, text).filter(
    (unit) =>
      rule.about.every((re) => re.test(unit)) &&
      ((rule.must && !rule.must.test(unit)) || (rule.mustNot && rule.mustNot.test(unit))),
  );
}

const content = readContent();
const sources = readableSources(content);

describe("claims in the content", () => {
  it("reads the bank, the company profiles, the READMEs and the pages", () => {
    expect(sources.length).toBeGreaterThan(content.questions.length * 4);
    expect(sources.some((s) => s.where === "app/companies/page.tsx")).toBe(true);
  });

  it.each(rules.map((r) => [r.claim, r] as const))("no text %s", (_claim, rule) => {
    const found = sources.flatMap((s) => violations(rule, s.text).map((unit) => `${s.where}: ${unit.slice(0, 200)}`));
    expect(found).toEqual([]);
  });

  it.each(rules.map((r) => [r.claim, r] as const))("the rule that no text %s catches what was reported", (_c, rule) => {
    expect(rule.reported.map((text) => violations(rule, text).length > 0)).toEqual(rule.reported.map(() => true));
    expect(rule.corrected.flatMap((text) => violations(rule, text))).toEqual([]);
  });

  it("has every company profile say, in its style notes, that it is not a company's process", () => {
    const missing = content.companies.filter((c) => !/\bnot\b[^.]*\bprocess\b/i.test(c.styleNotes)).map((c) => c.slug);
    expect(missing).toEqual([]);
  });
});
