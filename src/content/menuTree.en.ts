import type { MenuTree } from './menuTree.fr';

/**
 * The guide's decision tree (L179–224) rendered in English for an English Teams: the same
 * questions, answers and verdicts as `menuTreeFr`, so that the tree's card never mixes languages.
 * The formulas keep their names (Ristretto, Americano, « avec sucre »…): they are names, not text.
 */
export const menuTreeEn: MenuTree = {
  title: 'Facilitating a data or AI café at a glance...',
  organise: {
    question: 'Would you like to organise a data or AI café with your colleagues?',
    yes: "Here we go! Let's see together how to help you choose the right format...",
    no: 'The guide may still be of interest to you...',
  },
  long: {
    question: 'Do you have more than 30 minutes to facilitate your café?',
    yes: 'The Americano and Cappuccino formulas are made for you!',
    no: 'The Ristretto formulas are made for you!',
  },
  audience: {
    question: 'The people attending your café will rather be...',
    novice: { label: 'New to data or AI', answer: 'The “avec sucre” (with sugar) formulas are made for you!' },
    averti: { label: 'Already familiar with data or AI', answer: 'The “sans sucre” (no sugar) formulas are made for you!' },
    intermediaire: { label: 'At an intermediate level in data and AI', answer: 'The Cappuccino formulas are made for you' },
  },
  online: {
    question: 'Would you like to organise a data or AI café remotely, by video call?',
    virtual: 'Would you like to bring together colleagues from all over France, from your region or working from home? This new formula lets you adapt the existing menus for a 100% online data café!',
    astuceLabel: 'Tip',
    astuce: 'when people sign up for your online café, ask them their level so as to better adapt your facilitation.',
  },
};
