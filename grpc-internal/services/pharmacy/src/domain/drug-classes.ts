/**
 * A small, built-in table of drug classes whose members commonly cross-react, used only to
 * widen allergy warnings (an allergy to "penicillin" should stop amoxicillin). It is not a
 * clinical knowledge base: anything it misses is a missing warning, which is why the check
 * errs towards asking and a doctor can always override with a recorded reason.
 */

/** One class: the words an allergy uses for it, its members by name, and its ATC prefixes. */
export interface DrugClass {
  /** Shown in the warning, e.g. "penicillins". */
  label: string;
  /** Allergy words naming the class itself (singular, lower case). */
  names: readonly string[];
  /** Member drug names (singular, lower case, one token each). */
  members: readonly string[];
  /** ATC code prefixes of the class (upper case). */
  atcPrefixes: readonly string[];
}

/** The classes known to the allergy check. */
export const DRUG_CLASSES: readonly DrugClass[] = [
  {
    label: 'penicillins',
    names: ['penicillin', 'betalactam'],
    members: [
      'penicillin',
      'amoxicillin',
      'amoxycillin',
      'ampicillin',
      'benzylpenicillin',
      'phenoxymethylpenicillin',
      'flucloxacillin',
      'cloxacillin',
      'dicloxacillin',
      'piperacillin',
      'temocillin',
      'pivmecillinam',
      'amoxiclav',
    ],
    atcPrefixes: ['J01C'],
  },
  {
    label: 'cephalosporins',
    names: ['cephalosporin'],
    members: ['cefalexin', 'cephalexin', 'cefadroxil', 'cefaclor', 'cefuroxime', 'cefoxitin', 'cefotaxime', 'ceftriaxone', 'ceftazidime', 'cefixime', 'cefazolin', 'cefepime'],
    atcPrefixes: ['J01DB', 'J01DC', 'J01DD', 'J01DE'],
  },
  {
    label: 'sulfonamides',
    names: ['sulfonamide', 'sulphonamide', 'sulfa', 'sulpha'],
    members: ['sulfamethoxazole', 'sulphamethoxazole', 'cotrimoxazole', 'trimoxazole', 'sulfadiazine', 'sulfasalazine'],
    atcPrefixes: ['J01E'],
  },
  {
    label: 'NSAIDs',
    names: ['nsaid', 'antiinflammatory'],
    members: ['ibuprofen', 'naproxen', 'diclofenac', 'ketoprofen', 'indometacin', 'indomethacin', 'mefenamic', 'meloxicam', 'piroxicam', 'etodolac', 'aspirin', 'acetylsalicylic'],
    atcPrefixes: ['M01A', 'N02BA'],
  },
  {
    label: 'opioids',
    names: ['opioid', 'opiate'],
    members: ['morphine', 'codeine', 'dihydrocodeine', 'oxycodone', 'hydromorphone', 'tramadol', 'fentanyl', 'pethidine', 'methadone', 'buprenorphine', 'tapentadol'],
    atcPrefixes: ['N02A'],
  },
];
