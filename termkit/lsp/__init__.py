"""Language server (optional extra ``termkit[lsp]``): the same findings, in the editor."""
