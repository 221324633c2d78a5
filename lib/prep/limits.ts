/** At most this many guests are asked about: more than any meeting one prepares for person by person. */
export const MAX_ASKED_GUESTS = 200;
