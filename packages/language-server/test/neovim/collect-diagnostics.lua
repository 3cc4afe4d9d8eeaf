-- Run by neovim.e2e.test.ts: `nvim --headless --clean -l`-style, for Neovim 0.7 (no vim.lsp.start).
-- Starts `migralint lsp` with the built-in LSP client for the buffer, waits for its diagnostics, and
-- writes what vim.diagnostic.get() returns as JSON. Parameters come in environment variables.
local cmd = vim.fn.json_decode(os.getenv('MIGRALINT_LSP_CMD'))
local root = os.getenv('MIGRALINT_ROOT')
local file = os.getenv('MIGRALINT_FILE')
local out = os.getenv('MIGRALINT_OUT')

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = 'migralint',
  cmd = cmd,
  root_dir = root,
  on_exit = function(code)
    if code ~= 0 then io.stderr:write('migralint lsp exited with ' .. code .. '\n') end
  end,
})
vim.lsp.buf_attach_client(bufnr, client_id)

local ok = vim.wait(60000, function()
  return #vim.diagnostic.get(bufnr) > 0
end, 50)

local found = {}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  local lsp = (d.user_data or {}).lsp or {}
  table.insert(found, {
    lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    severity = d.severity, source = d.source, code = lsp.code or d.code, message = d.message,
  })
end
local handle = io.open(out, 'w')
handle:write(vim.fn.json_encode({ ok = ok, diagnostics = found }))
handle:close()
vim.lsp.stop_client(client_id)
vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
vim.cmd('qall!')
