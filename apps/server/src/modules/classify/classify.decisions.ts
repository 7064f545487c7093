import type { ConfirmClassifyBody, DatasetField, FieldSuggestion } from '@shuzhi/contracts';

type Choice = ConfirmClassifyBody['fields'][number];

/**
 * The officer's decision on each suggested field, against the suggestion. An omitted type is the
 * detected one: confirming a suggestion confirms what was found, while null says the field holds none.
 */
export function fieldDecisions(suggestions: readonly FieldSuggestion[], choices: readonly Choice[]) {
  const chosen = new Map(choices.map((c) => [c.field, c]));
  return suggestions.flatMap((f) => {
    const c = chosen.get(f.field);
    if (!c) return [];
    const type = c.personalType === undefined ? f.type : c.personalType;
    return [
      {
        field: f.field,
        suggested: f.sensitivity,
        chosen: c.sensitivity,
        suggestedType: f.type,
        chosenType: type,
        accepted: c.sensitivity === f.sensitivity && type === f.type,
      },
    ];
  });
}

/** The catalog fields with each decision's sensitivity and type (个人信息类型); a cleared type is dropped. */
export function decidedFields(
  fields: readonly DatasetField[],
  decisions: ReturnType<typeof fieldDecisions>,
): DatasetField[] {
  const decided = new Map(decisions.map((d) => [d.field, d]));
  return fields.map((f) => {
    const d = decided.get(f.name);
    if (!d) return f;
    const { personalType: _, ...rest } = f;
    return { ...rest, sensitivity: d.chosen, ...(d.chosenType ? { personalType: d.chosenType } : {}) };
  });
}
