/**
 * What our card buttons post back (`activity.value`), as zod schemas: the one definition of that data,
 * the cards build it from the types derived here and the bot checks what arrives against the same
 * schemas. This checks shape only; whether a submitted article exists and how long texts may be is
 * checked where feedback is handled.
 */
import { z } from 'zod';
import { LANGS } from '../knowledge/types';

const lang = z.enum(LANGS);

/** The feedback buttons of an answer card. */
export const feedbackDataSchema = z.object({
  action: z.literal('feedback'),
  helpful: z.boolean(),
  article: z.string(),
  symptom: z.string().nullable(),
  /** Language of the card, so the bot thanks in the same language. */
  lang,
  /** Which answer of the conversation the buttons rate (absent on cards from before answers were numbered). */
  answer: z.number().int().positive().optional(),
});
export type FeedbackData = z.infer<typeof feedbackDataSchema>;

/** The buttons of a clarify card; `index` is 1-based, absent for "none of these". */
export const choiceDataSchema = z.object({
  action: z.literal('choose'),
  index: z.number().int().optional(),
  article: z.string().optional(),
  symptom: z.string().nullable().optional(),
  none: z.literal(true).optional(),
  /** Language of the card, so the answer comes in the same language. */
  lang: lang.optional(),
});
export type ChoiceData = z.infer<typeof choiceDataSchema>;

/**
 * What may arrive: the same data, read leniently where a client (or an old card) may differ: an unknown
 * language or a symptom that is not text is dropped rather than the click ignored.
 */
const submittedSchema = z.discriminatedUnion('action', [
  feedbackDataSchema.extend({ symptom: z.string().nullable().catch(null), lang: lang.optional().catch(undefined) }),
  choiceDataSchema
    .extend({ symptom: z.string().nullable().optional().catch(null), lang: lang.optional().catch(undefined) })
    .refine((c) => c.none === true || c.article !== undefined || c.index !== undefined, 'names no choice'),
]);
export type SubmitData = z.infer<typeof submittedSchema>;

/** The button data in `activity.value`, or undefined when it is not from one of our buttons. */
export function submitData(value: unknown): SubmitData | undefined {
  // A typed message has no value: every paste turn came here, and zod builds its whole failure (issues, paths) before
  // saying no. Only an object can be button data.
  if (typeof value !== 'object' || value === null) return undefined;
  const parsed = submittedSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const data = parsed.data;
  // "None of these" carries nothing else.
  if (data.action === 'choose' && data.none) return { action: 'choose', none: true, lang: data.lang };
  return data;
}
