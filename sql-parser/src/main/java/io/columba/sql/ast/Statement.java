package io.columba.sql.ast;

/** A whole statement. */
public sealed interface Statement
        permits SelectStatement,
                CreateTableStatement,
                DropTableStatement,
                InsertStatement,
                InsertFunctionStatement,
                DescribeStatement,
                ShowTablesStatement,
                ExistsStatement,
                OptimizeStatement,
                TruncateStatement,
                RenameStatement,
                ExchangeStatement,
                AlterStatement,
                DeleteStatement,
                SetStatement,
                ExplainStatement,
                SystemStatement,
                DropStatement,
                CreateDatabaseStatement,
                CreateViewStatement,
                CreateDictionaryStatement,
                TableCommandStatement,
                UseStatement {}
