"""Staff administration (issue 11): the accounts table, its dialogs, site settings, "Change my password"."""
