-- name: UpsertAuthor :one
INSERT INTO authors (name) VALUES ($1)
ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name
RETURNING id, name;

-- name: AddNote :one
INSERT INTO notes (author_id, body, pinned) VALUES ($1, $2, $3)
RETURNING id, author_id, body, created_at, pinned;

-- name: NotesByAuthor :many
SELECT n.id, n.body, n.pinned
FROM notes n
JOIN authors a ON a.id = n.author_id
WHERE a.name = $1
ORDER BY n.pinned DESC, n.id;
