/** TLS configuration diagnosis: a pasted configuration against Microsoft's guidance, kept as data in rules.ts. */
export { diagnose, mayShowConfiguration, type Diagnosis, type Finding, type FixCommand } from './diagnose';
export { RULES, SOURCES, type Rule } from './rules';
