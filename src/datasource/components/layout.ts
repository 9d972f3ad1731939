/** Label width (in 8 px units) shared by the editors' inline fields, so they line up. */
export const LABEL_WIDTH = 16;
