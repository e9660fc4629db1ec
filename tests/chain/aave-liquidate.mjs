// One maximal liquidationCall on the local Aave v3.0 market that aave-node.mjs deployed, for the
// `liquidate` command's test.
//
//   node aave-liquidate.mjs STATE.json COLLATERAL_WETH DEBT_USDC WETH_PRICE_8_DECIMALS
//
// A fresh borrower (anvil's second development account) supplies COLLATERAL_WETH and borrows DEBT_USDC; the
// WETH oracle source is switched to an aggregator answering WETH_PRICE; the deployer liquidates the borrower
// with debtToCover = type(uint256).max. All four transactions go into one block, so no interest accrues
// between the borrow and the liquidation. The node's state is snapshotted first and reverted after.
// Prints {"repaidDebt", "seizedCollateral", "eventCollateral", "debtAfter", "collateralAfter"} in token
// units (decimal strings). Nothing here calls any address but the node's 127.0.0.1 RPC URL.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { receiptOf, withGasMargin } from './txwait.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const [statePath, collateralText, debtText, priceText] = process.argv.slice(2);
if (!statePath || !collateralText || !debtText || !priceText) {
    console.error('usage: node aave-liquidate.mjs STATE.json COLLATERAL_WETH DEBT_USDC WETH_PRICE_8_DECIMALS');
    process.exit(2);
}
const state = JSON.parse(readFileSync(statePath, 'utf8'));
const { ethers } = require('ethers');
const artifactsRoot = path.join(here, 'node_modules/@aave/core-v3/artifacts/contracts');
const artifact = (rel) => require(path.join(artifactsRoot, rel));

const provider = withGasMargin(new ethers.JsonRpcProvider(state.rpc, state.chainId, { staticNetwork: true, batchMaxCount: 1 }));
// anvil's first and second well-known development keys.
const deployer = new ethers.NonceManager(
    new ethers.Wallet('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80', provider));
const borrower = new ethers.NonceManager(
    new ethers.Wallet('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d', provider));
const user = await borrower.getAddress();
const me = await deployer.getAddress();

const reserve = (symbol) => state.reserves.find((r) => r.symbol === symbol);
const weth = reserve('WETH');
const usdc = reserve('USDC');
const tokenAbi = artifact('mocks/tokens/MintableERC20.sol/MintableERC20.json').abi;
const poolAbi = artifact('protocol/pool/Pool.sol/Pool.json').abi;
const oracleAbi = artifact('misc/AaveOracle.sol/AaveOracle.json').abi;
const dataAbi = artifact('misc/AaveProtocolDataProvider.sol/AaveProtocolDataProvider.json').abi;

const snapshot = await provider.send('evm_snapshot', []);
try {
    const collateral = ethers.parseUnits(collateralText, weth.decimals);
    const debt = ethers.parseUnits(debtText, usdc.decimals);
    const wait = async (promise) => receiptOf(provider, await promise);
    // Set up outside the measured block: tokens, approvals and the new price source.
    await wait(new ethers.Contract(weth.address, tokenAbi, deployer)['mint(address,uint256)'](user, collateral));
    await wait(new ethers.Contract(weth.address, tokenAbi, borrower).approve(state.pool, collateral));
    await wait(new ethers.Contract(usdc.address, tokenAbi, deployer)['mint(address,uint256)'](me, debt * 2n));
    await wait(new ethers.Contract(usdc.address, tokenAbi, deployer).approve(state.pool, ethers.MaxUint256));
    const aggregatorArtifact = artifact('mocks/oracle/CLAggregators/MockAggregator.sol/MockAggregator.json');
    const aggregator = await new ethers.ContractFactory(aggregatorArtifact.abi, aggregatorArtifact.bytecode, deployer)
        .deploy(BigInt(priceText));
    await receiptOf(provider, aggregator.deploymentTransaction());

    // The measured block: supply and borrow first (higher priority fee), then the price and the liquidation.
    await provider.send('evm_setAutomine', [false]);
    const first = { gasLimit: 3000000n, maxFeePerGas: 100n * 10n ** 9n, maxPriorityFeePerGas: 50n * 10n ** 9n };
    const second = { gasLimit: 3000000n, maxFeePerGas: 100n * 10n ** 9n, maxPriorityFeePerGas: 1n * 10n ** 9n };
    const poolAsBorrower = new ethers.Contract(state.pool, poolAbi, borrower);
    const poolAsLiquidator = new ethers.Contract(state.pool, poolAbi, deployer);
    const sent = [
        await poolAsBorrower.supply(weth.address, collateral, user, 0, first),
        await poolAsBorrower.borrow(usdc.address, debt, 2, 0, user, first),
        await new ethers.Contract(state.oracle, oracleAbi, deployer)
            .setAssetSources([weth.address], [await aggregator.getAddress()], second),
        await poolAsLiquidator.liquidationCall(weth.address, usdc.address, user, ethers.MaxUint256, false, second),
    ];
    await provider.send('evm_mine', []);
    await provider.send('evm_setAutomine', [true]);
    const receipts = await Promise.all(sent.map((t) => provider.getTransactionReceipt(t.hash)));
    const blocks = new Set(receipts.map((r) => r?.blockNumber));
    if (receipts.some((r) => !r || r.status !== 1) || blocks.size !== 1)
        throw new Error(`the four transactions did not all succeed in one block: ${JSON.stringify(
            receipts.map((r) => r && { status: r.status, block: r.blockNumber, index: r.index }))}`);
    const order = receipts.map((r) => r.index);
    if (!(order[0] < order[1] && order[1] < order[2] && order[2] < order[3]))
        throw new Error(`the block holds the transactions in the order ${order}`);

    const pool = new ethers.Contract(state.pool, poolAbi, provider);
    let eventCollateral = 0n;
    let eventDebt = 0n;
    for (const log of receipts[3].logs) {
        let parsed = null;
        try { parsed = pool.interface.parseLog(log); } catch { /* another contract's event */ }
        if (parsed && parsed.name === 'LiquidationCall') {
            eventCollateral = parsed.args.liquidatedCollateralAmount;
            eventDebt = parsed.args.debtToCover;
        }
    }
    const data = new ethers.Contract(state.dataProvider, dataAbi, provider);
    const wethUser = await data.getUserReserveData(weth.address, user);
    const usdcUser = await data.getUserReserveData(usdc.address, user);
    const collateralAfter = wethUser.currentATokenBalance;
    const debtAfter = usdcUser.currentVariableDebt;
    console.log(JSON.stringify({
        repaidDebt: ethers.formatUnits(debt - debtAfter, usdc.decimals),
        eventDebt: ethers.formatUnits(eventDebt, usdc.decimals),
        seizedCollateral: ethers.formatUnits(collateral - collateralAfter, weth.decimals),
        eventCollateral: ethers.formatUnits(eventCollateral, weth.decimals),
        collateralAfter: ethers.formatUnits(collateralAfter, weth.decimals),
        debtAfter: ethers.formatUnits(debtAfter, usdc.decimals),
    }));
} catch (e) {
    console.error(`aave-liquidate: ${e.stack || e}`);
    process.exitCode = 1;
} finally {
    await provider.send('evm_setAutomine', [true]).catch(() => {});
    await provider.send('evm_revert', [snapshot]);
}
