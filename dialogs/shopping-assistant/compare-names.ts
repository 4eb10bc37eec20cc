import { findItemReference } from '../../core/dialog/references.ts';
import { extractProductText } from './extract.ts';

/** The words that ask for a comparison before the two products ("compare", "what's the difference between"). */
const LEAD = /^\s*(?:(?:please|пожалуйста|а|and|so)\s*,?\s+)*(?:can\s+you\s+|could\s+you\s+)?(?:compare|сравни\p{L}*|what'?s\s+the\s+difference\s+between|what\s+is\s+the\s+difference\s+between|difference\s+between|в\s+ч[её]м\s+разница\s+между|какая\s+разница\s+между|разница\s+между|which\s+is\s+better\s*[:,]?|что\s+лучше\s*[:,]?|какой\s+лучше\s*[:,]?)(?![\p{L}])\s*/iu;
/** "..., что лучше?" / "..., which is better?" after the two products. */
const TAIL = /[\s,—-]*(?:что|какой|кто|which(?:\s+one)?|what)\s+(?:лучше|выгоднее|is\s+better|better)\s*[?!.]*\s*$/iu;
/** "iPhone vs Galaxy": a separator that is itself the request. */
const VERSUS = /\s+(?:vs\.?|versus|against|против)\s+/iu;
/** What stands between the two products ("iPhone and Samsung", "iPhone vs Galaxy", "айфон или самсунг"). */
const BETWEEN = /\s+(?:and|or|vs\.?|versus|with|against|to|и|или|с|со|против)\s+/iu;

/**
 * "compare iPhone and Samsung", "iphone vs samsung", "сравни айфон и самсунг", "айфон или самсунг, что лучше?": two
 * products named for a side-by-side, as search words. Undefined when the message is no comparison request, names
 * shown cards ("the first two") or not exactly two products ("milk and bread" alone asks for no comparison).
 */
export function namedProducts(text: string): [string, string] | undefined {
  const lead = LEAD.test(text);
  const tail = TAIL.test(text);
  if (!lead && !tail && !VERSUS.test(text)) return undefined;
  const rest = text.replace(LEAD, '').replace(TAIL, '').replace(/[?!.]+\s*$/u, '');
  const parts = rest.split(BETWEEN).map((part) => part.trim()).filter(Boolean);
  if (parts.length !== 2) return undefined;
  const products = parts.map((part) => (findItemReference(part) ? undefined : extractProductText(part)));
  const [a, b] = products;
  return a && b && a.toLowerCase() !== b.toLowerCase() ? [a, b] : undefined;
}
