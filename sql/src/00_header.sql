-- aibiz 0.1.1: assembled from sql/src/*.sql
\echo Use "CREATE EXTENSION aibiz" to load this file. \quit
