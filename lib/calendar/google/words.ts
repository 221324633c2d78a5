import type { Response } from '../../db/types';

/**
 * The few words Bridges reads from Calendar's text, in the languages it covers. Each is a fallback behind a
 * signal without language (an icon's shape, a pressed button, a data-* attribute); the English and German
 * words are seen in captures, the others follow Calendar's wording as far as public captures show it and are
 * matched whole, lower-cased, so a near miss reads as "no signal", never as a wrong one.
 */

/** A guest's answer in their row's label: "Priya Raman, Attending, Organizer". */
export const GUEST_STATUS_WORDS: ReadonlyArray<[words: readonly string[], response: Response]> = [
  [
    [
      'not attending',
      'declined',
      'nimmt nicht teil',
      'abgelehnt',
      'ne participe pas',
      'refusé',
      'no asistirá',
      'rechazado',
      'não vai participar',
      'recusado',
      'non parteciperà',
      'rifiutato',
      'neemt niet deel',
      'geweigerd',
      'nie weźmie udziału',
      'odrzucono',
      '불참',
      '거절함',
      '不参加',
      '已拒绝',
      '欠席',
      'لن يحضر',
      'تم الرفض',
      'לא משתתף',
      'נדחה',
    ],
    'declined',
  ],
  [
    [
      'attending',
      'accepted',
      'nimmt teil',
      'zugesagt',
      'participe',
      'accepté',
      'asistirá',
      'aceptado',
      'vai participar',
      'aceito',
      'parteciperà',
      'accettato',
      'neemt deel',
      'geaccepteerd',
      'weźmie udział',
      'zaakceptowano',
      '참석',
      '수락함',
      '参加',
      '已接受',
      '出席',
      'سيحضر',
      'تم القبول',
      'משתתף',
      'אושר',
    ],
    'accepted',
  ],
  [
    [
      'maybe',
      'tentative',
      'vielleicht',
      'peut-être',
      'quizás',
      'talvez',
      'forse',
      'misschien',
      'może',
      '미정',
      '可能参加',
      '待定',
      '未定',
      'ربما',
      'אולי',
    ],
    'tentative',
  ],
];

/** The signed-in user's answer as a chip's hidden label states it: "…, Alex Morgan, Declined, …". */
export const CHIP_RSVP_WORDS: ReadonlyArray<[words: readonly string[], response: Response]> = [
  [
    [
      'declined',
      'abgelehnt',
      'refusé',
      'rechazado',
      'recusado',
      'rifiutato',
      'geweigerd',
      'odrzucono',
      '거절함',
      '已拒绝',
      '辞退',
      'تم الرفض',
      'נדחה',
    ],
    'declined',
  ],
  [
    [
      'accepted',
      'zugesagt',
      'accepté',
      'aceptado',
      'aceito',
      'accettato',
      'geaccepteerd',
      'zaakceptowano',
      '수락함',
      '已接受',
      '承諾',
      'تم القبول',
      'אושר',
    ],
    'accepted',
  ],
  [
    [
      'tentative',
      'vielleicht',
      'peut-être',
      'quizás',
      'talvez',
      'forse',
      'misschien',
      'może',
      '미정',
      '待定',
      '未定',
      'ربما',
      'אולי',
    ],
    'tentative',
  ],
  [
    [
      'needs rsvp',
      'antwort ausstehend',
      'réponse en attente',
      'respuesta pendiente',
      'resposta pendente',
      'risposta in sospeso',
      'reactie vereist',
      'oczekuje na odpowiedź',
      '응답 필요',
      '需要回复',
      '要返信',
      'بحاجة إلى رد',
      'נדרשת תשובה',
    ],
    'needsAction',
  ],
];

export const ORGANIZER_WORDS: readonly string[] = [
  'organizer',
  'organiser',
  'organisator',
  'organisateur',
  'organizador',
  'organizzatore',
  'organizator',
  '主催者',
  '組織者',
  '组织者',
  '主办者',
  '주최자',
  'المنظِّم',
  'المنظم',
  'מארגן',
];

export const OPTIONAL_WORDS: readonly string[] = [
  'optional',
  'facultatif',
  'opcional',
  'facoltativo',
  'optioneel',
  'opcjonalnie',
  '任意',
  '可选',
  '선택사항',
  'اختياري',
  'אופציונלי',
];

/** The response named by one of `table`'s words, or null. */
export function responseNamed(
  word: string,
  table: ReadonlyArray<[words: readonly string[], response: Response]>,
): Response | null {
  for (const [words, response] of table) if (words.includes(word)) return response;
  return null;
}
