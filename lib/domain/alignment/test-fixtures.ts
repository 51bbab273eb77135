/**
 * Invented coverage of an invented event (a dam collapse in a fictional town), written for
 * these tests. Three outlets: two report the same facts in different words, one mentions
 * the event in passing among unrelated news.
 */
export const HERALD = [
  "Rescue teams worked through the night after the Kessel Dam collapsed on 12 March, flooding the lower town of Port Erren.",
  "At least 14 people were killed and 300 homes destroyed, the civil defence agency said.",
  "Interior Minister Halim Qassem blamed “decades of neglect” by the previous government.",
  "He promised a full inquiry.",
  "",
  "Residents described a wall of brown water that arrived without warning.",
  "The army sent helicopters on Sunday.",
].join("\n");

export const COURIER = [
  "The Kessel dam gave way on March 12, and floodwater swept through Port Erren's lower town.",
  "Fourteen people died, according to civil defence officials, and some 300 houses were lost.",
  "",
  "Minister Halim Qasem said the disaster was caused by 'decades of neglect'. Critics say his own ministry ignored warnings from engineers in 2019.",
  "",
  "Helicopters from the army joined the search on Sunday.",
].join("\n");

export const TIMES = [
  "Fuel prices rose again in the capital this week, and traders blamed a weak currency.",
  "In the north, a dam failure at Kessel killed 14 people on 12 March.",
  "The central bank will meet on Thursday to discuss interest rates.",
].join(" ");

export const SOURCES = [
  { id: "herald", text: HERALD },
  { id: "courier", text: COURIER },
  { id: "times", text: TIMES },
];
