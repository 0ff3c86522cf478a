import type { KeywordRule } from '../rule-context.ts';
import { enumValueNoDelete, numberMultipleNoNarrow, numberRangeNoNarrow, stringFormatNoNarrow, stringLengthNoNarrow, stringPatternNoNarrow, typeNoNarrow } from './primitive-rules.ts';
import { arrayItemsNoNarrow, arrayLengthNoNarrow, arrayUniqueNoAdd } from './array-rules.ts';
import { propertiesNoNarrow, propertyCountNoNarrow, propertyDependencyNoAdd, propertyRequiredNoAdd } from './object-rules.ts';
import { keywordDecidable } from './keyword-decidable.ts';

/** The keyword rules, in the order their findings read best. */
export const KEYWORD_RULES: readonly KeywordRule[] = [
  typeNoNarrow,
  enumValueNoDelete,
  numberRangeNoNarrow,
  numberMultipleNoNarrow,
  stringLengthNoNarrow,
  stringPatternNoNarrow,
  stringFormatNoNarrow,
  arrayLengthNoNarrow,
  arrayUniqueNoAdd,
  arrayItemsNoNarrow,
  propertyRequiredNoAdd,
  propertiesNoNarrow,
  propertyCountNoNarrow,
  propertyDependencyNoAdd,
  keywordDecidable,
];
