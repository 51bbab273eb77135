export {
  DEFAULT_TAXONOMY,
  TAXONOMY_SET_KEYS,
  findDefaultTag,
  getDefaultTagSet,
  type DefaultTag,
  type DefaultTagSet,
  type TaxonomySetKey,
} from "./default-taxonomy";
export { MIN_HIGHLIGHT_CONTRAST, contrastRatio, parseHexColor, relativeLuminance } from "./contrast";
