// The workflow in Go with github.com/mattn/go-sqlite3 (cgo, system libsqlite3).
//
// Debian packages the driver, so no module download is needed:
//
//	apt-get install golang-go golang-github-mattn-go-sqlite3-dev
//	GO111MODULE=off GOPATH=/usr/share/gocode go build -tags libsqlite3 -o workflow workflow.go
//	./workflow ../../dist/conflict articles.sql
package main

import (
	"database/sql"
	"fmt"
	"os"
	"strings"

	sqlite3 "github.com/mattn/go-sqlite3"
)

func show(db *sql.DB, title, query string) error {
	fmt.Println("== " + title)
	rows, err := db.Query(query)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	vals := make([]sql.NullString, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		out := make([]string, len(cols))
		for i, v := range vals {
			if v.Valid {
				out[i] = v.String
			} else {
				out[i] = "NULL"
			}
		}
		fmt.Println(strings.Join(out, "|"))
	}
	return rows.Err()
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: workflow EXTENSION ARTICLES.sql")
		os.Exit(2)
	}
	// every connection of this driver loads the extension (path without .so)
	sql.Register("sqlite3_conflict", &sqlite3.SQLiteDriver{Extensions: []string{os.Args[1]}})
	db, err := sql.Open("sqlite3_conflict", ":memory:")
	if err != nil {
		panic(err)
	}
	db.SetMaxOpenConns(1) // one :memory: database
	articles, err := os.ReadFile(os.Args[2])
	if err != nil {
		panic(err)
	}
	if _, err := db.Exec(string(articles)); err != nil {
		fmt.Fprintln(os.Stderr, "cannot read articles:", err)
		os.Exit(1)
	}
	queries := [][2]string{
		{"places", `SELECT a.id, p.text, p.name, p.country FROM articles a, places(a.body) p
		            ORDER BY a.id, p.start`},
		{"killed per article", `SELECT a.id, CAST(sum(c.value) AS INTEGER) FROM articles a, counts(a.body) c
		  WHERE c.category = 'killed' AND c.part_of IS NULL GROUP BY a.id ORDER BY a.id`},
		{"killed per place", `WITH killed AS (SELECT a.id, sum(c.value) AS n FROM articles a, counts(a.body) c
		                 WHERE c.category = 'killed' AND c.part_of IS NULL GROUP BY a.id)
		SELECT p.name, count(DISTINCT a.id), CAST(sum(k.n) AS INTEGER)
		  FROM articles a, places(a.body) p JOIN killed k ON k.id = a.id
		 WHERE p.kind <> 'country' GROUP BY p.name ORDER BY sum(k.n) DESC, p.name`},
	}
	for _, q := range queries {
		if err := show(db, q[0], q[1]); err != nil {
			fmt.Fprintln(os.Stderr, "error:", err)
			os.Exit(1)
		}
	}
}
