/** One fixed sentence per rule, filled from the finding's details; stored findings re-render the same way. */
export function renderMessage(rule: string, subject: string, details: Readonly<Record<string, unknown>>, undecided: boolean): string {
  const at = subject === '' ? 'the document' : subject;
  const d = (key: string): string => JSON.stringify(details[key]);
  const text = ((): string => {
    switch (rule) {
      case 'TYPE_NO_NARROW':
        return `at ${at} the writer may write a ${String(details['kind'])}, which the reader does not accept (it accepts ${d('readerTypes')})`;
      case 'ENUM_VALUE_NO_DELETE':
        return details['value'] !== undefined ? `at ${at} the writer may write ${d('value')}, which the reader does not list` : `at ${at} the writer may write values the reader's enum does not list (${d('allowed')})`;
      case 'NUMBER_RANGE_NO_NARROW':
        return `at ${at} the reader accepts numbers in ${String(details['reader'])}, the writer writes ${String(details['writer'])}`;
      case 'NUMBER_MULTIPLE_NO_NARROW':
        return `at ${at} the reader requires multiples of ${d('reader')}, the writer guarantees ${d('writer')}`;
      case 'STRING_LENGTH_NO_NARROW':
        return `at ${at} the reader accepts string lengths ${d('reader')}, the writer writes ${d('writer')}`;
      case 'STRING_PATTERN_NO_NARROW':
        return `at ${at} the reader requires pattern ${d('reader')}, which the writer's strings (${d('writer')}) need not match`;
      case 'STRING_FORMAT_NO_NARROW':
        return `at ${at} the reader requires format ${d('reader')}, the writer guarantees ${d('writer')}`;
      case 'ARRAY_LENGTH_NO_NARROW':
        return `at ${at} the reader accepts ${d('reader')} items, the writer writes ${d('writer')}`;
      case 'ARRAY_UNIQUE_NO_ADD':
        return `at ${at} the reader requires unique items, which the writer does not guarantee`;
      case 'ARRAY_ITEMS_NO_NARROW':
        return `at ${at} the reader accepts no item at position ${d('index')}, which the writer may write`;
      case 'PROPERTY_REQUIRED_NO_ADD':
        return `at ${at} the reader requires property ${d('property')}, which the writer may leave out`;
      case 'PROPERTY_NO_DELETE':
        return `at ${at} the reader rejects property ${d('property')}, which the writer may write`;
      case 'ADDITIONAL_PROPERTIES_NO_CLOSE':
        return `at ${at} the reader rejects properties it does not declare, which the writer may write`;
      case 'PROPERTY_COUNT_NO_NARROW':
        return `at ${at} the reader accepts ${d('reader')} properties, the writer writes ${d('writer')}`;
      case 'PROPERTY_DEPENDENCY_NO_ADD':
        return `at ${at} the reader requires ${d('dependent')} whenever ${d('property')} is present, which the writer does not guarantee`;
      case 'ONE_OF_MATCH_UNIQUE':
        return `at ${at} a value the writer may write can match oneOf branches ${d('matches')} of the reader`;
      case 'NOT_SCHEMA_NO_OVERLAP':
        return `at ${at} the writer may write values the reader excludes with not`;
      case 'SUBSET_DECIDABLE':
        return `at ${at} the check cannot decide whether the reader's ${String(details['keyword'])} accepts everything the writer writes`;
      case 'DIALECT_NO_CHANGE':
        return `the dialect changed from ${d('before')} to ${d('after')}`;
      default:
        return `at ${at} the reader rejects values the writer may write`;
    }
  })();
  return undecided && rule !== 'SUBSET_DECIDABLE' ? `${text} (undecided: no counterexample could be verified)` : text;
}
