-- Neovim 0.7 as an LSP client of the bundled server (`node dist/server.js --stdio`): the checks a
-- Neovim user relies on, run headless by test/e2e/nvim/run.ts on a copy of test/e2e/workspace.
--   1. diagnostics arrive for the opened file (on the expected lines) and for a file never opened;
--   2. the hover on a Deployment explains what its policies allow;
--   3. the "Change to TCP" code action applies: the buffer has the fix and the diagnostic goes.
-- The work runs in VimEnter (`-u` is read before the file's buffer exists). Each result is a line
-- on stderr; the exit code is 0 when every check passed (`qall!`), 1 otherwise (`cquit! 1`).
-- Waits are vim.wait on a condition with a deadline: it returns as soon as the condition holds.

local server = assert(os.getenv('NETPOL_SERVER'), 'NETPOL_SERVER: path of dist/server.js')
local root = assert(os.getenv('NETPOL_WORKSPACE'), 'NETPOL_WORKSPACE: the workspace folder')
local WAIT_MS = tonumber(os.getenv('NETPOL_NVIM_WAIT_MS') or '30000')

local function say(line)
  io.stderr:write('[nvim] ' .. line .. '\n')
end

local failures = 0
local function check(name, fn)
  local started = vim.loop.hrtime()
  local ok, err = pcall(fn)
  local ms = math.floor((vim.loop.hrtime() - started) / 1e6)
  if ok then
    say(string.format('ok   %s (%d ms)', name, ms))
  else
    failures = failures + 1
    say(string.format('FAIL %s (%d ms)\n       %s', name, ms, tostring(err)))
  end
end

-- The diagnostics exactly as the server published them (with the `data` the quick fixes need),
-- by URI; the default handler still runs, so vim.diagnostic sees them too.
local published = {}
local function on_publish(err, result, ctx, config)
  published[result.uri] = result.diagnostics
  return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
end

local function uri_of(name)
  return vim.uri_from_fname(root .. '/' .. name)
end

local function find_rule(uri, rule, line)
  for _, d in ipairs(published[uri] or {}) do
    if d.code == rule and (line == nil or d.range.start.line + 1 == line) then
      return d
    end
  end
  return nil
end

local function summary(uri)
  local parts = {}
  for _, d in ipairs(published[uri] or {}) do
    table.insert(parts, string.format('%s@%d', tostring(d.code), d.range.start.line + 1))
  end
  return #parts == 0 and 'none' or table.concat(parts, ', ')
end

--- `what` is a function: the message describes the state at the deadline, not before the wait.
local function wait_for(what, cond)
  if not vim.wait(WAIT_MS, cond, 20) then
    error(string.format('timed out after %d ms waiting for %s', WAIT_MS, what()), 2)
  end
end

local function wait_for_rule(name, rule, line)
  local uri = uri_of(name)
  local found
  wait_for(function()
    return string.format('%s on line %s of %s (diagnostics there: %s)', rule, tostring(line), name, summary(uri))
  end, function()
    found = find_rule(uri, rule, line)
    return found ~= nil
  end)
  return found
end

--- The single response of our client to a request, or an error naming what went wrong.
local function request(bufnr, method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, WAIT_MS)
  if not responses then
    error(method .. ': ' .. tostring(err), 2)
  end
  for _, r in pairs(responses) do
    if r.err then
      error(method .. ': ' .. vim.inspect(r.err), 2)
    end
    return r.result
  end
  error(method .. ': no response', 2)
end

local function position_of(bufnr, needle, shift)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local col = line:find(needle, 1, true)
    if col then
      -- The fixture is ASCII, so byte columns are UTF-16 characters.
      return { line = i - 1, character = col - 1 + (shift or 0) }
    end
  end
  error('"' .. needle .. '" not found in buffer ' .. bufnr, 2)
end

local function run()
  local client_id = vim.lsp.start_client({
    name = 'netpol-lens',
    cmd = { 'node', '--max-semi-space-size=4', server, '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'e2e' } },
    handlers = { ['textDocument/publishDiagnostics'] = on_publish },
    -- No `settings`: the server answers workspace/configuration nulls with its defaults.
  })
  if not client_id then
    error('vim.lsp.start_client failed for node ' .. server)
  end
  local policy_buf = vim.api.nvim_get_current_buf()
  assert(vim.api.nvim_buf_get_name(policy_buf):match('legacy%-policy%.yaml$'), 'nvim should have been started on legacy-policy.yaml')
  vim.lsp.buf_attach_client(policy_buf, client_id)

  check('diagnostics arrive for the opened file, on the expected lines', function()
    local protocol = wait_for_rule('legacy-policy.yaml', 'protocol-invalid', 18)
    assert(protocol.severity == 1, 'protocol-invalid is an error, got severity ' .. tostring(protocol.severity))
    assert(protocol.message:find('write TCP, not tcp', 1, true), protocol.message)
    wait_for_rule('legacy-policy.yaml', 'deprecated-api-version', 3)
    -- vim.diagnostic has them too (what the user sees as signs and virtual text).
    local lines = {}
    for _, d in ipairs(vim.diagnostic.get(policy_buf)) do
      lines[d.lnum + 1] = true
    end
    assert(lines[18] and lines[3], 'vim.diagnostic.get lacks line 3 or 18')
  end)

  check('diagnostics arrive for a file that was never opened', function()
    local cidr = wait_for_rule('egress-payments.yaml', 'ipblock-invalid-cidr', 14)
    assert(cidr.message:find('10.20.300.0/24', 1, true), cidr.message)
  end)

  check('the hover on a Deployment explains what its policies allow', function()
    vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/deployments.yaml'))
    local deploy_buf = vim.api.nvim_get_current_buf()
    vim.lsp.buf_attach_client(deploy_buf, client_id)
    local result = request(deploy_buf, 'textDocument/hover', {
      textDocument = { uri = vim.uri_from_bufnr(deploy_buf) },
      position = position_of(deploy_buf, 'name: api', #'name: ' + 1),
    })
    assert(result and result.contents, 'no hover at name: api')
    local text = type(result.contents) == 'table' and (result.contents.value or vim.inspect(result.contents)) or tostring(result.contents)
    for _, expected in ipairs({
      '**Deployment shop/api** — ingress: isolated · egress: all allowed',
      'Selected by 1 policy: [shop/api-allow-web]',
      '**Ingress** — isolated by 1 policy. Allowed by its rules, everything else denied',
      '- from pods `app=web` in `shop`',
    }) do
      assert(text:find(expected, 1, true), 'hover lacks "' .. expected .. '":\n' .. text)
    end
    vim.cmd('buffer ' .. policy_buf)
  end)

  check('the "Change to TCP" code action applies and the diagnostic goes', function()
    local uri = uri_of('legacy-policy.yaml')
    local protocol = wait_for_rule('legacy-policy.yaml', 'protocol-invalid', 18)
    local actions = request(policy_buf, 'textDocument/codeAction', {
      textDocument = { uri = uri },
      range = protocol.range,
      context = { diagnostics = { protocol } },
    }) or {}
    local fix, titles = nil, {}
    for _, a in ipairs(actions) do
      table.insert(titles, a.title)
      if a.title:find('Change to TCP', 1, true) then
        fix = a
      end
    end
    assert(fix and fix.edit, 'no "Change to TCP" edit among: ' .. table.concat(titles, ' | '))
    vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
    local line = vim.api.nvim_buf_get_lines(policy_buf, 17, 18, false)[1]
    assert(line == '    - protocol: TCP', 'line 18 after the fix: ' .. vim.inspect(line))
    wait_for(function()
      return 'protocol-invalid to go after the edit (diagnostics: ' .. summary(uri) .. ')'
    end, function()
      return published[uri] ~= nil and find_rule(uri, 'protocol-invalid') == nil
    end)
    assert(find_rule(uri, 'deprecated-api-version', 3), 'the other finding stays: ' .. summary(uri))
  end)

  vim.lsp.stop_client(client_id)
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    local ok, err = pcall(run)
    if not ok then
      failures = failures + 1
      say('FAIL setup: ' .. tostring(err))
    end
    say(string.format('neovim checks: %d failed', failures))
    if failures == 0 then
      vim.cmd('qall!')
    else
      vim.cmd('cquit! 1')
    end
  end,
})
