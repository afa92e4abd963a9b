/*
 * The SCIM filter language of RFC 7644 §3.4.2.2, and the PATCH path of RFC 7644 §3.5.2.
 *
 * The grammar only recognises; org.scim2j.filter.internal.AstBuilder turns the parse tree into the public AST
 * and applies the checks that need the token text (attribute path shape, strict whitespace, unquoted values).
 * Rules are written without left recursion: "or" and "and" are loops, "and" binds tighter than "or", so a long
 * chain costs no stack and no precedence predicates.
 */
grammar ScimFilter;

options { caseInsensitive = true; }

filterEntry    : filter EOF ;
patchPathEntry : ATTRPATH (LBRACKET filter RBRACKET SUBATTR?)? EOF ;

filter    : andFilter (OR andFilter)* ;
andFilter : unaryFilter (AND unaryFilter)* ;

unaryFilter
    : NOT? LPAREN filter RPAREN                #groupFilter
    | ATTRPATH attrTest                        #attrFilter
    ;

// Split from unaryFilter so that every decision is LL(1) and an error after the path reports what may follow it.
attrTest
    : LBRACKET filter RBRACKET valueSubTest?   #valuePathTest
    | PR                                       #presentTest
    | compareOp compValue                      #compareTest
    ;

// Not in the RFC's ABNF: Microsoft Entra ID matches users with emails[type eq "work"].value eq "x". The lenient
// parser reads it as emails[type eq "work" and value eq "x"]; the strict one refuses it with its position.
valueSubTest : SUBATTR (PR | compareOp compValue) ;

compareOp : EQ | NE | CO | SW | EW | GT | GE | LT | LE ;

// ATTRPATH and BAREWORD are only accepted as values by the lenient parser (unquoted strings); the builder rejects them
// in strict mode with a message that says so.
compValue : STRING | NUMBER | TRUE | FALSE | NULL | ATTRPATH | BAREWORD ;

// Keywords come before ATTRPATH: on a tie in length ANTLR takes the first rule.
EQ    : 'eq' ;
NE    : 'ne' ;
CO    : 'co' ;
SW    : 'sw' ;
EW    : 'ew' ;
GT    : 'gt' ;
GE    : 'ge' ;
LT    : 'lt' ;
LE    : 'le' ;
PR    : 'pr' ;
AND   : 'and' ;
OR    : 'or' ;
NOT   : 'not' ;
TRUE  : 'true' ;
FALSE : 'false' ;
NULL  : 'null' ;

LPAREN   : '(' ;
RPAREN   : ')' ;
LBRACKET : '[' ;
RBRACKET : ']' ;

// JSON number (RFC 8259 §6).
NUMBER : '-'? INT ('.' [0-9]+)? ([e] [+-]? [0-9]+)? ;

// JSON string (RFC 8259 §7): no raw control characters, only the JSON escapes.
STRING options { caseInsensitive = false; } : '"' (ESCAPE | ~["\\\u0000-\u001F])* '"' ;

// A string that does not close (or holds a bad escape or a raw control character): recognised as one token so that
// the error can name it instead of reporting a stray quote.
BROKEN_STRING options { caseInsensitive = false; } : '"' (ESCAPE | ~["\\\u0000-\u001F])* ;

// attrPath = [URI ":"] ATTRNAME *1subAttr. One token; AstBuilder splits the schema URN off at the last ':' and checks
// the name and sub-attribute.
ATTRPATH : [a-z$] [a-z0-9_$:.\-]* ;

// ".name" after a value path's closing bracket (PATCH paths such as emails[type eq "work"].value).
SUBATTR : '.' [a-z$] [a-z0-9_$\-]* ;

WS : [ \t\r\n]+ -> skip ;

// Anything else that is not a delimiter: an unquoted value for the lenient parser, an error for the strict one.
BAREWORD : ~[ \t\r\n()[\]"]+ ;

UNRECOGNIZED : . ;

fragment INT    : '0' | [1-9] [0-9]* ;
// JSON escapes are case-sensitive (\n, \u00e9 or \u00E9, never \N or \U00e9).
fragment ESCAPE options { caseInsensitive = false; } : '\\' (["\\/bfnrt] | 'u' HEX HEX HEX HEX) ;
fragment HEX options { caseInsensitive = false; } : [0-9a-fA-F] ;
