// A resident's fields checked on the tablet by the rules the server serves (caravan.services.resident_rules,
// in the strings file), so that the tablet refuses what the server would refuse before it shows a pass.
import { residentRules } from "./i18n.js";

const LINE_BREAKS = /\r\n/g;

/**
 * Check `fields` ({name, phone, group, skills, wishes, ...}); returns {values, error} where values holds
 * the cleaned texts (trimmed, as the server stores them) and error is null or {field, code, max}.
 * Without served rules (an old strings file) only the trimming is done: the server still checks.
 */
export function checkResident(fields) {
  const schema = residentRules();
  const values = {};
  for (const [key, raw] of Object.entries(fields)) {
    values[key] = typeof raw === "string" ? raw.trim() : raw;
  }
  if (!schema) return { values, error: null };
  const required = new Set(schema.required || []);
  for (const [field, rule] of Object.entries(schema.properties || {})) {
    let value = values[field];
    if (typeof value !== "string" || !("maxLength" in rule)) continue;
    value = value.replace(LINE_BREAKS, "\n");
    values[field] = value;
    if (!value) {
      if (required.has(field)) return { values, error: { field, code: "empty" } };
      continue;
    }
    // Count characters as the server does (code points, not UTF-16 units).
    if ([...value].length > rule.maxLength) return { values, error: { field, code: "too_long", max: rule.maxLength } };
    if (rule.pattern && !new RegExp(rule.pattern).test(value)) {
      return { values, error: { field, code: rule["x-pattern-reason"] || "bad_value" } };
    }
  }
  return { values, error: null };
}
