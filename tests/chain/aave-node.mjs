// A local Ethereum node with a real Aave v3.0 market, for the chain reader's tests.
//
//   node aave-node.mjs start STATE.json   starts anvil on 127.0.0.1 (a free port), deploys the market
//                                          from @aave/core-v3's compiled artifacts and writes STATE.json:
//                                          the RPC URL, anvil's pid, every address and every deployed value
//   node aave-node.mjs start STATE.json N  the same with N reserves (N > 4 adds TKN5 ... TKN<N>, each with
//                                          its own token, price feed and rate strategy): the benchmark's market
//   node aave-node.mjs start STATE.json --positions   the same, then opens the accounts of positions.mjs
//   node aave-node.mjs stop STATE.json     stops that anvil
//
// When node's packages are missing, `start` writes {"skip": "why"} and exits 0, so the tests that read
// the market skip with that message. Nothing here listens on or calls any address but 127.0.0.1.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { receiptOf, withGasMargin } from './txwait.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const [command, statePath, extra] = process.argv.slice(2);
const positions = extra === '--positions';
const reserveCount = positions || !extra ? 4 : Number(extra);
if (!['start', 'stop'].includes(command) || !statePath || !(Number.isInteger(reserveCount) && reserveCount >= 4)) {
    console.error('usage: node aave-node.mjs start|stop STATE.json [N | --positions]');
    process.exit(2);
}

if (command === 'stop') {
    if (existsSync(statePath)) {
        const state = JSON.parse(readFileSync(statePath, 'utf8'));
        if (state.anvilPid) {
            try { process.kill(state.anvilPid, 'SIGTERM'); } catch { /* already gone */ }
        }
    }
    process.exit(0);
}

const anvilPath = path.join(here, 'node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil');
const artifactsRoot = path.join(here, 'node_modules/@aave/core-v3/artifacts/contracts');
if (!existsSync(anvilPath) || !existsSync(artifactsRoot) || !existsSync(path.join(here, 'node_modules/ethers'))) {
    const why = 'the npm packages of tests/chain are not installed (run scripts/deps, or npm ci in tests/chain)';
    writeFileSync(statePath, JSON.stringify({ skip: why }));
    console.log(`aave-node: ${why}; the tests that need the local Aave market will skip`);
    process.exit(0);
}
const { ethers } = require('ethers');

function freePort() {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.on('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

// CTest starts the fixtures' nodes side by side: a port found free can be taken by another node before
// this anvil binds it. Then this anvil exits at once, and the RPC that answers is the other node's, which
// this script must never deploy to. So a node counts as started only while its own process still runs
// after it answered; otherwise another free port is tried.
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function startAnvil() {
    for (let attempt = 1; ; ++attempt) {
        const port = await freePort();
        const url = `http://127.0.0.1:${port}`;
        const child = spawn(anvilPath, ['--host', '127.0.0.1', '--port', String(port), '--chain-id', '31337',
            '--code-size-limit', '100000', '--silent'], { detached: true, stdio: 'ignore' });
        let exited = false;
        child.on('exit', () => { exited = true; });
        const probe = new ethers.JsonRpcProvider(url, 31337, { staticNetwork: true, batchMaxCount: 1 });
        let answered = false;
        for (let i = 0; i <= 300 && !exited && !answered; ++i) {
            try { await probe.send('eth_chainId', []); answered = true; } catch { await sleep(100); }
        }
        probe.destroy();
        if (answered) await sleep(300);
        if (answered && !exited) {
            child.unref();
            return { port, url, child };
        }
        try { process.kill(child.pid, 'SIGTERM'); } catch { /* gone */ }
        if (attempt >= 5) throw new Error(`anvil did not start on 127.0.0.1 (5 ports tried, the last ${url})`);
    }
}
const { url: rpc, child: anvil } = await startAnvil();
const stopAnvil = () => { try { process.kill(anvil.pid, 'SIGTERM'); } catch { /* gone */ } };

try {
    const provider = withGasMargin(new ethers.JsonRpcProvider(rpc, 31337, { staticNetwork: true, batchMaxCount: 1, pollingInterval: 20 }));
    await provider.send('eth_chainId', []);
    // anvil's first well-known development key.
    const wallet = new ethers.NonceManager(
        new ethers.Wallet('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80', provider));
    const me = await wallet.getAddress();

    const artifact = (rel) => require(path.join(artifactsRoot, rel));
    const byName = {
        BorrowLogic: 'protocol/libraries/logic/BorrowLogic.sol/BorrowLogic.json',
        BridgeLogic: 'protocol/libraries/logic/BridgeLogic.sol/BridgeLogic.json',
        EModeLogic: 'protocol/libraries/logic/EModeLogic.sol/EModeLogic.json',
        FlashLoanLogic: 'protocol/libraries/logic/FlashLoanLogic.sol/FlashLoanLogic.json',
        LiquidationLogic: 'protocol/libraries/logic/LiquidationLogic.sol/LiquidationLogic.json',
        PoolLogic: 'protocol/libraries/logic/PoolLogic.sol/PoolLogic.json',
        SupplyLogic: 'protocol/libraries/logic/SupplyLogic.sol/SupplyLogic.json',
        ConfiguratorLogic: 'protocol/libraries/logic/ConfiguratorLogic.sol/ConfiguratorLogic.json',
    };
    const libraries = {};
    // Deploys an artifact, first deploying and linking the libraries it needs (once each).
    async function deploy(rel, ...args) {
        const a = artifact(rel);
        let bytecode = a.bytecode;
        for (const [, libs] of Object.entries(a.linkReferences)) {
            for (const [name, spots] of Object.entries(libs)) {
                if (!libraries[name]) libraries[name] = await (await deploy(byName[name])).getAddress();
                const hex = libraries[name].slice(2).toLowerCase();
                for (const { start } of spots)
                    bytecode = bytecode.slice(0, 2 + start * 2) + hex + bytecode.slice(2 + (start + 20) * 2);
            }
        }
        const contract = await new ethers.ContractFactory(a.abi, bytecode, wallet).deploy(...args);
        await receiptOf(provider, contract.deploymentTransaction());
        return contract;
    }
    const at = (rel, address) => new ethers.Contract(address, artifact(rel).abi, wallet);
    const send = async (promise) => receiptOf(provider, await promise);

    const addressesProvider = await deploy('protocol/configuration/PoolAddressesProvider.sol/PoolAddressesProvider.json',
        'Leverage Planner test market', me);
    const providerAddress = await addressesProvider.getAddress();
    await send(addressesProvider.setACLAdmin(me));
    const acl = await deploy('protocol/configuration/ACLManager.sol/ACLManager.json', providerAddress);
    await send(addressesProvider.setACLManager(await acl.getAddress()));
    await send(acl.addPoolAdmin(me));
    await send(acl.addRiskAdmin(me));

    const poolImpl = await deploy('protocol/pool/Pool.sol/Pool.json', providerAddress);
    await send(poolImpl.initialize(providerAddress));
    await send(addressesProvider.setPoolImpl(await poolImpl.getAddress()));
    const poolAddress = await addressesProvider.getPool();
    const pool = at('protocol/pool/Pool.sol/Pool.json', poolAddress);

    const configuratorImpl = await deploy('protocol/pool/PoolConfigurator.sol/PoolConfigurator.json');
    await send(configuratorImpl.initialize(providerAddress));
    await send(addressesProvider.setPoolConfiguratorImpl(await configuratorImpl.getAddress()));
    const configurator = at('protocol/pool/PoolConfigurator.sol/PoolConfigurator.json',
        await addressesProvider.getPoolConfigurator());

    const dataProvider = await deploy('misc/AaveProtocolDataProvider.sol/AaveProtocolDataProvider.json', providerAddress);
    await send(addressesProvider.setPoolDataProvider(await dataProvider.getAddress()));

    // The reserves: what is deployed is what the reader must give back. Prices have 8 decimals (USD).
    const RAY = 10n ** 27n;
    const ray = (text) => ethers.parseUnits(text, 27);
    const reserves = [
        { symbol: 'WETH', name: 'Wrapped Ether', decimals: 18, price: 200012345678n, ltv: 8050, lt: 8300, bonus: 10500,
          fee: 1000, rf: 1500, supplyCap: 0, borrowCap: 0, borrowing: true,
          rate: { optimal: ray('0.8'), base: 0n, slope1: ray('0.028'), slope2: ray('0.8') } },
        { symbol: 'USDC', name: 'USD Coin', decimals: 6, price: 100010000n, ltv: 7700, lt: 8000, bonus: 10450,
          fee: 2000, rf: 1000, supplyCap: 2000000, borrowCap: 1000000, borrowing: true,
          rate: { optimal: ray('0.9'), base: ray('0.0025'), slope1: ray('0.035'), slope2: ray('0.6') } },
        { symbol: 'WBTC', name: 'Wrapped BTC', decimals: 8, price: 6000050000000n, ltv: 7300, lt: 7800, bonus: 10500,
          fee: 1000, rf: 2000, supplyCap: 5000, borrowCap: 2500, borrowing: true,
          rate: { optimal: ray('0.45'), base: 0n, slope1: ray('0.04'), slope2: ray('3') } },
        { symbol: 'DAI', name: 'Dai Stablecoin', decimals: 18, price: 99980000n, ltv: 0, lt: 0, bonus: 0,
          fee: 0, rf: 1000, supplyCap: 0, borrowCap: 0, borrowing: true, frozen: true,
          rate: { optimal: ray('0.8'), base: 0n, slope1: ray('0.04'), slope2: ray('0.75') } },
    ];
    for (let i = reserves.length + 1; i <= reserveCount; ++i) {
        reserves.push({ symbol: `TKN${i}`, name: `Token ${i}`, decimals: 18, price: BigInt(100000000 * i + 12345),
            ltv: 5000 + 10 * i, lt: 6000 + 10 * i, bonus: 10500 + i, fee: 1000, rf: 1000 + i, supplyCap: 1000 * i,
            borrowCap: 500 * i, borrowing: true,
            rate: { optimal: ray('0.8'), base: 0n, slope1: ray('0.04'), slope2: ray('0.75') } });
    }
    const eModes = [{ id: 1, label: 'Stablecoins', ltv: 9300, lt: 9500, bonus: 10100, members: ['USDC', 'DAI'] }];
    const flashLoanPremiumTotal = 7;

    const tokenArtifact = 'mocks/tokens/MintableERC20.sol/MintableERC20.json';
    for (const r of reserves) {
        r.token = await deploy(tokenArtifact, r.name, r.symbol, r.decimals);
        r.address = await r.token.getAddress();
        r.aggregator = await deploy('mocks/oracle/CLAggregators/MockAggregator.sol/MockAggregator.json', r.price);
        r.strategy = await deploy('protocol/pool/DefaultReserveInterestRateStrategy.sol/DefaultReserveInterestRateStrategy.json',
            providerAddress, r.rate.optimal, r.rate.base, r.rate.slope1, r.rate.slope2, 0n, 0n, 0n, 0n, 0n);
    }
    const oracle = await deploy('misc/AaveOracle.sol/AaveOracle.json', providerAddress,
        reserves.map((r) => r.address), await Promise.all(reserves.map((r) => r.aggregator.getAddress())),
        ethers.ZeroAddress, ethers.ZeroAddress, 10n ** 8n);
    await send(addressesProvider.setPriceOracle(await oracle.getAddress()));

    const aTokenImpl = await deploy('protocol/tokenization/AToken.sol/AToken.json', poolAddress);
    const stableImpl = await deploy('protocol/tokenization/StableDebtToken.sol/StableDebtToken.json', poolAddress);
    const variableImpl = await deploy('protocol/tokenization/VariableDebtToken.sol/VariableDebtToken.json', poolAddress);
    const inputs = [];
    for (const r of reserves) {
        inputs.push({
            aTokenImpl: await aTokenImpl.getAddress(), stableDebtTokenImpl: await stableImpl.getAddress(),
            variableDebtTokenImpl: await variableImpl.getAddress(), underlyingAssetDecimals: r.decimals,
            interestRateStrategyAddress: await r.strategy.getAddress(), underlyingAsset: r.address, treasury: me,
            incentivesController: ethers.ZeroAddress, aTokenName: `Aave ${r.symbol}`, aTokenSymbol: `a${r.symbol}`,
            variableDebtTokenName: `Variable ${r.symbol}`, variableDebtTokenSymbol: `variableDebt${r.symbol}`,
            stableDebtTokenName: `Stable ${r.symbol}`, stableDebtTokenSymbol: `stableDebt${r.symbol}`, params: '0x',
        });
    }
    // Four reserves per transaction: initReserves of twenty would pass the block's gas limit.
    for (let i = 0; i < inputs.length; i += 4) await send(configurator.initReserves(inputs.slice(i, i + 4)));
    for (const r of reserves) {
        if (r.lt > 0) await send(configurator.configureReserveAsCollateral(r.address, r.ltv, r.lt, r.bonus));
        await send(configurator.setReserveBorrowing(r.address, r.borrowing));
        await send(configurator.setReserveFactor(r.address, r.rf));
        await send(configurator.setLiquidationProtocolFee(r.address, r.fee));
        if (r.supplyCap) await send(configurator.setSupplyCap(r.address, r.supplyCap));
        if (r.borrowCap) await send(configurator.setBorrowCap(r.address, r.borrowCap));
    }
    for (const e of eModes) {
        await send(configurator.setEModeCategory(e.id, e.ltv, e.lt, e.bonus, ethers.ZeroAddress, e.label));
        for (const symbol of e.members)
            await send(configurator.setAssetEModeCategory(reserves.find((r) => r.symbol === symbol).address, e.id));
    }
    await send(configurator.updateFlashloanPremiumTotal(flashLoanPremiumTotal));

    // Use: supply 100 WETH and 1,000,000 USDC, borrow 400,000 USDC and 10 WETH, so that the rates and
    // utilization are not zero. Then freeze DAI.
    const bySymbol = Object.fromEntries(reserves.map((r) => [r.symbol, r]));
    const supply = async (symbol, units) => {
        const r = bySymbol[symbol];
        const amount = ethers.parseUnits(units, r.decimals);
        await send(r.token['mint(address,uint256)'](me, amount));
        await send(r.token.approve(poolAddress, amount));
        await send(pool.supply(r.address, amount, me, 0));
    };
    await supply('WETH', '100');
    await supply('USDC', '1000000');
    await send(pool.borrow(bySymbol.USDC.address, ethers.parseUnits('400000', 6), 2, 0, me));
    await send(pool.borrow(bySymbol.WETH.address, ethers.parseUnits('10', 18), 2, 0, me));
    for (const r of reserves) {
        if (r.frozen) await send(configurator.setReserveFreeze(r.address, true));
    }

    // What the chain now holds, for the values that depend on use (rates, totals).
    for (const r of reserves) {
        const d = await dataProvider.getReserveData(r.address);
        const tokens = await dataProvider.getReserveTokensAddresses(r.address);
        r.liquidityRate = d.liquidityRate.toString();
        r.variableBorrowRate = d.variableBorrowRate.toString();
        r.availableLiquidity = (await r.token.balanceOf(tokens.aTokenAddress)).toString();
        r.totalDebt = (d.totalStableDebt + d.totalVariableDebt).toString();
    }
    const block = await provider.getBlock('latest');

    const state = {
        rpc, chainId: 31337, anvilPid: anvil.pid, blockNumber: block.number, blockTime: block.timestamp,
        poolAddressesProvider: providerAddress, pool: poolAddress, poolRevision: (await pool.POOL_REVISION()).toString(),
        dataProvider: await dataProvider.getAddress(), oracle: await oracle.getAddress(),
        aclManager: await acl.getAddress(), configurator: await configurator.getAddress(),
        flashLoanPremiumTotal, eModes, ray: RAY.toString(),
        reserves: await Promise.all(reserves.map(async (r) => ({
            symbol: r.symbol, name: r.name, address: r.address, decimals: r.decimals, price: r.price.toString(),
            ltv: r.ltv, liquidationThreshold: r.lt, liquidationBonus: r.bonus, liquidationProtocolFee: r.fee,
            reserveFactor: r.rf, supplyCap: r.supplyCap, borrowCap: r.borrowCap, borrowing: r.borrowing,
            frozen: !!r.frozen, aggregator: await r.aggregator.getAddress(), strategy: await r.strategy.getAddress(),
            rate: Object.fromEntries(Object.entries(r.rate).map(([k, v]) => [k, v.toString()])),
            liquidityRate: r.liquidityRate, variableBorrowRate: r.variableBorrowRate,
            availableLiquidity: r.availableLiquidity, totalDebt: r.totalDebt,
        }))),
    };
    if (extra === '--positions') await (await import('./positions.mjs')).openPositions(ethers, provider, state, receiptOf);
    writeFileSync(statePath, JSON.stringify(state, null, 1));
    console.log(`aave-node: Aave v3 (revision ${state.poolRevision}) deployed on ${rpc} (anvil pid ${anvil.pid}), ` +
        `PoolAddressesProvider ${providerAddress}`);
    process.exit(0);
} catch (e) {
    stopAnvil();
    console.error(`aave-node: ${e.stack || e}`);
    process.exit(1);
}
