import type { ProtoFile } from '../proto-model.ts';
import { protoRule, type ProtoRule, type ProtoRuleContext } from '../proto-rule.ts';
import type { ProtoSet } from '../proto-set.ts';
import { filePairs, nestedEnums, nestedExtensions, nestedMessages, survivingParent } from '../pairs.ts';

type Nested = (file: ProtoFile) => ReadonlyMap<string, { span: unknown; file: string }>;

/** A deleted nested element points at its closest surviving parent message, else at the file. */
function placeInFile(file: ProtoFile, nestedName: string): { file: string; span?: import('../proto-model.ts').Span } {
  const parent = survivingParent(nestedMessages(file), nestedName);
  return parent ? { file: file.path, span: parent.span } : { file: file.path };
}

function fileScopedDeletion(what: string, nested: Nested) {
  return (context: ProtoRuleContext): void => {
    for (const [previous, current] of filePairs(context.before, context.after)) {
      const now = nested(current);
      for (const [name, element] of nested(previous)) {
        if (now.has(name)) continue;
        context.report({
          subject: previous.package ? `${previous.package}.${name}` : name,
          before: { file: element.file, span: element.span as never },
          after: placeInFile(current, name),
          message: `Previously present ${what} "${name}" was deleted from file.`,
          details: { name },
        });
      }
    }
  };
}

function byPackage(set: ProtoSet, nested: Nested): Map<string, Map<string, { span: unknown; file: string }>> {
  const out = new Map<string, Map<string, { span: unknown; file: string }>>();
  for (const file of set.files.values()) {
    const inPackage = out.get(file.package) ?? new Map();
    for (const [name, element] of nested(file)) inPackage.set(name, element);
    out.set(file.package, inPackage);
  }
  return out;
}

function packageScopedDeletion(what: string, nested: Nested, pointAt: 'file-parent' | 'package-parent' | 'file') {
  return (context: ProtoRuleContext): void => {
    const now = byPackage(context.after, nested);
    for (const [pkg, elements] of byPackage(context.before, nested)) {
      const current = now.get(pkg);
      if (!current) continue;
      for (const [name, element] of elements) {
        if (current.has(name)) continue;
        const stillThere = context.after.files.get(element.file);
        let after: { file: string; span?: import('../proto-model.ts').Span } | undefined = stillThere ? { file: stillThere.path } : undefined;
        if (stillThere && pointAt === 'file-parent') after = placeInFile(stillThere, name);
        if (stillThere && pointAt === 'package-parent') {
          // Messages look for their surviving parent anywhere in the package, not only in the old file.
          const parent = survivingParent(packageMessages(context.after, pkg), name);
          if (parent) after = { file: parent.file, span: parent.span };
        }
        context.report({
          subject: pkg ? `${pkg}.${name}` : name,
          before: { file: element.file, span: element.span as never },
          after,
          message: `Previously present ${what} "${name}" was deleted from package "${pkg}".`,
          details: { name, package: pkg },
        });
      }
    }
  };
}

function packageMessages(set: ProtoSet, pkg: string): Map<string, import('../proto-model.ts').ProtoMessage> {
  const out = new Map<string, import('../proto-model.ts').ProtoMessage>();
  for (const file of set.files.values()) if (file.package === pkg) for (const [name, message] of nestedMessages(file)) out.set(name, message);
  return out;
}

const services: Nested = (file) => new Map(file.services.map((service) => [service.name, service]));

export const DELETION_RULES: readonly ProtoRule[] = [
  protoRule('FILE_NO_DELETE', ['FILE'], 'Checks that no .proto file of the previous version is gone.', (context) => {
    for (const [path, file] of context.before.files) {
      if (context.after.files.has(path)) continue;
      context.report({ subject: path, before: { file: path }, message: `Previously present file "${path}" was deleted.`, details: { file: file.path } });
    }
  }),
  protoRule('MESSAGE_NO_DELETE', ['FILE'], 'Checks that no message is removed from the file that declared it.', fileScopedDeletion('message', nestedMessages)),
  protoRule('ENUM_NO_DELETE', ['FILE'], 'Checks that no enum is removed from the file that declared it.', fileScopedDeletion('enum', nestedEnums)),
  protoRule('EXTENSION_NO_DELETE', ['FILE'], 'Checks that no extension is removed from the file that declared it.', fileScopedDeletion('extension', nestedExtensions)),
  protoRule('SERVICE_NO_DELETE', ['FILE'], 'Checks that no service is removed from the file that declared it.', (context) => {
    for (const [previous, current] of filePairs(context.before, context.after)) {
      const now = new Set(current.services.map((service) => service.name));
      for (const service of previous.services) {
        if (now.has(service.name)) continue;
        context.report({
          subject: service.fullName, before: { file: previous.path, span: service.span }, after: { file: current.path },
          message: `Previously present service "${service.name}" was deleted from file.`, details: { name: service.name },
        });
      }
    }
  }, { direction: 'request' }),
  protoRule('PACKAGE_NO_DELETE', ['PACKAGE'], 'Checks that every package of the previous version still has at least one file.', (context) => {
    const now = new Set([...context.after.files.values()].map((file) => file.package));
    const seen = new Map<string, string>();
    for (const file of [...context.before.files.values()].sort((a, b) => a.path.localeCompare(b.path))) {
      if (!seen.has(file.package)) seen.set(file.package, file.path);
    }
    for (const [pkg, path] of seen) {
      if (now.has(pkg)) continue;
      context.report({ subject: pkg, before: { file: path }, message: `Previously present package "${pkg}" was deleted.`, details: { package: pkg } });
    }
  }),
  protoRule('PACKAGE_MESSAGE_NO_DELETE', ['PACKAGE'], 'Checks that no message disappears from its package, wherever it moved within it.', packageScopedDeletion('message', nestedMessages, 'package-parent')),
  protoRule('PACKAGE_ENUM_NO_DELETE', ['PACKAGE'], 'Checks that no enum disappears from its package, wherever it moved within it.', packageScopedDeletion('enum', nestedEnums, 'file-parent')),
  protoRule('PACKAGE_EXTENSION_NO_DELETE', ['PACKAGE'], 'Checks that no extension disappears from its package, wherever it moved within it.', packageScopedDeletion('extension', nestedExtensions, 'file-parent')),
  protoRule('PACKAGE_SERVICE_NO_DELETE', ['PACKAGE'], 'Checks that no service disappears from its package, wherever it moved within it.', packageScopedDeletion('service', services, 'file'), { direction: 'request' }),
];
