-- A TOAST table stays when the last column stored out of line goes, and
-- its storage parameters with it: the table keeps them although a table
-- created with its columns could not have them. The comparison acts on
-- toast.* parameters only where one side's table may store out of line.
CREATE TABLE kept (id int, note text);
