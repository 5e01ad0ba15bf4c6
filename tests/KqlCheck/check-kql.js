#!/usr/bin/env node
// Checks a batch of KQL queries with the official Kusto language service (@kusto/language-service-next) against
// the published schemas of the four Entra sign-in tables (schemas/, see schemas/SOURCES.md).
//
// stdin:  [{"name": "...", "kql": "..."}, ...]
// stdout: [{"name": "...", "diagnostics": [{"severity", "code", "message", "offset", "length", "line", "column"}]}, ...]
// Exit code 0 when the batch was checked (whatever the diagnostics say), 2 on bad input or a broken install.
'use strict';

const fs = require('fs');
const path = require('path');

require('@kusto/language-service-next/bridge.min.js');
require('@kusto/language-service-next/Kusto.Language.Bridge.min.js');

const Symbols = Kusto.Language.Symbols;
const schemaFolder = path.join(__dirname, 'schemas');
const tables = ['SigninLogs', 'AADNonInteractiveUserSignInLogs', 'AADServicePrincipalSignInLogs', 'AADManagedIdentitySignInLogs'];

// Kusto type names of the Sentinel test schemas (String, DateTime, Double, ...) as the language service spells them.
const typeNames = { string: 'string', datetime: 'datetime', dynamic: 'dynamic', bool: 'bool', boolean: 'bool', long: 'long', int: 'int', real: 'real', double: 'real', guid: 'guid', timespan: 'timespan', decimal: 'decimal' };

function kustoType(name, table, column) {
    const type = typeNames[String(name).toLowerCase()];
    if (!type) {
        throw new Error(`Unknown column type '${name}' of ${table}.${column}.`);
    }
    return type;
}

// The published columns (Column,Type,Description; the first two fields are never quoted).
function publishedColumns(table) {
    const lines = fs.readFileSync(path.join(schemaFolder, `${table}.columns.csv`), 'utf8').split(/\r?\n/).slice(1);
    return lines.filter(l => l.trim() !== '').map(l => {
        const [name, type] = l.split(',', 2);
        return { name, type: kustoType(type, table, name) };
    });
}

// The newer columns of the Sentinel repository's test schema that the published list lacks (published types win).
function sentinelColumns(table) {
    const file = path.join(schemaFolder, `${table}.json`);
    if (!fs.existsSync(file)) {
        return [];
    }
    const properties = JSON.parse(fs.readFileSync(file, 'utf8')).Properties;
    return properties.map(p => ({ name: p.Name || p.name, type: kustoType(p.Type || p.type, table, p.Name || p.name) }));
}

function tableSymbol(table) {
    const columns = publishedColumns(table);
    const known = new Set(columns.map(c => c.name));
    for (const column of sentinelColumns(table)) {
        if (!known.has(column.name)) {
            columns.push(column);
            known.add(column.name);
        }
    }
    for (const column of columns) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(column.name)) {
            throw new Error(`Column name '${column.name}' of ${table} is not a plain identifier.`);
        }
    }
    const schema = '(' + columns.map(c => `${c.name}:${c.type}`).join(', ') + ')';
    return new Symbols.TableSymbol.$ctor7(table, schema, null);
}

function globals() {
    const database = new Symbols.DatabaseSymbol.$ctor1('LogAnalytics', tables.map(tableSymbol), false);
    return Kusto.Language.GlobalState.Default.WithDatabase(database);
}

function position(text, offset) {
    let line = 1;
    let column = 1;
    for (let i = 0; i < offset && i < text.length; i++) {
        if (text[i] === '\n') {
            line++;
            column = 1;
        } else {
            column++;
        }
    }
    return { line, column };
}

const numericTypes = new Set(['long', 'int', 'real', 'decimal']);
const equalityOperators = new Set(['==', '!=']);

function typeName(expression) {
    return expression && expression.ResultType ? expression.ResultType.Name : '';
}

function mixesStringAndNumber(left, right) {
    return (left === 'string' && numericTypes.has(right)) || (numericTypes.has(left) && right === 'string');
}

// The language service accepts `ResultType == 50074` (string column, number literal): Log Analytics converts at run
// time, but the module's contract is to compare the string columns with string literals, so the check adds its own
// error (code ESA001) for ==, != and in/!in between a string and a number.
function stringNumberComparisons(code) {
    const Syntax = Kusto.Language.Syntax;
    const found = [];
    code.Syntax.WalkNodes(node => {
        if (node instanceof Syntax.BinaryExpression && equalityOperators.has(node.Operator.Text) && mixesStringAndNumber(typeName(node.Left), typeName(node.Right))) {
            found.push({ offset: node.TextStart, length: node.Width, operator: node.Operator.Text });
        } else if (node instanceof Syntax.InExpression) {
            const items = node.Right.Expressions;
            for (let i = 0; i < items.Count; i++) {
                const item = items.getItem(i).Element;
                if (mixesStringAndNumber(typeName(node.Left), typeName(item))) {
                    found.push({ offset: node.TextStart, length: node.Width, operator: node.Operator.Text });
                    break;
                }
            }
        }
    });
    return found.map(f => ({
        severity: 'Error',
        code: 'ESA001',
        message: `The '${f.operator}' compares a string with a number; write the number as a string literal ("50074"): ResultType and the other code columns are strings.`,
        offset: f.offset,
        length: f.length,
    }));
}

function check(state, query) {
    const code = Kusto.Language.KustoCode.ParseAndAnalyze(query.kql, state);
    const found = code.GetDiagnostics();
    const diagnostics = [];
    for (let i = 0; i < found.Count; i++) {
        const d = found.getItem(i);
        const offset = d.HasLocation ? d.Start : 0;
        diagnostics.push({ severity: d.Severity, code: d.Code, message: d.Message, offset, length: d.HasLocation ? d.Length : 0 });
    }
    diagnostics.push(...stringNumberComparisons(code));
    return { name: query.name, diagnostics: diagnostics.map(d => ({ ...d, ...position(query.kql, d.offset) })) };
}

function main() {
    let batch;
    try {
        batch = JSON.parse(fs.readFileSync(0, 'utf8'));
        if (!Array.isArray(batch) || batch.some(q => typeof q !== 'object' || q === null || typeof q.name !== 'string' || typeof q.kql !== 'string')) {
            throw new Error('Expected a JSON array of {"name": string, "kql": string}.');
        }
    } catch (e) {
        process.stderr.write(`check-kql: ${e.message}\n`);
        process.exit(2);
    }
    const state = globals();
    process.stdout.write(JSON.stringify(batch.map(q => check(state, q))));
}

main();
