// Five accounts opened through the real contracts on the local Aave v3 market of aave-node.mjs, for the
// position reader's and the watch command's tests (`node aave-node.mjs start STATE.json --positions`):
//       onePair         10 WETH supplied, 12,000 USDC borrowed
//       eModePair       e-mode 1 (Stablecoins), 10,000 USDC supplied, 9,000 DAI borrowed
//       twoCollaterals  10 WETH and 0.5 WBTC supplied, 30,000 USDC borrowed
//       twoDebts        20 WETH supplied, 15,000 USDC and 0.2 WBTC borrowed
//       noDebt          5 WETH supplied
// It adds to the state each account's address and each reserve's aToken and debt tokens. To lend to them,
// the deployer supplies 10 WBTC and, after unfreezing DAI, 100,000 DAI. Each account is one of anvil's
// unlocked development accounts (1 to 5). Only 127.0.0.1 is used.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export async function openPositions(ethers, provider, state, receiptOf) {
    const artifactsRoot = path.join(here, 'node_modules/@aave/core-v3/artifacts/contracts');
    const abiOf = (rel) => require(path.join(artifactsRoot, rel)).abi;
    const accounts = await provider.send('eth_accounts', []);
    // Unlocked node accounts, each call awaited before the next: the node numbers the transactions itself.
    // (A NonceManager read the deployer's pending count once and could go stale against it: 'nonce too low'.)
    const signer = async (i) => provider.getSigner(accounts[i]);
    const admin = await signer(0);
    const send = async (promise) => receiptOf(provider, await promise);
    const poolAbi = abiOf('protocol/pool/Pool.sol/Pool.json');
    const tokenAbi = abiOf('mocks/tokens/MintableERC20.sol/MintableERC20.json');
    const dataProvider = new ethers.Contract(state.dataProvider,
        abiOf('misc/AaveProtocolDataProvider.sol/AaveProtocolDataProvider.json'), provider);
    const bySymbol = Object.fromEntries(state.reserves.map((r) => [r.symbol, r]));

    const supply = async (who, symbol, units) => {
        const r = bySymbol[symbol];
        const amount = ethers.parseUnits(units, r.decimals);
        const token = new ethers.Contract(r.address, tokenAbi, who);
        await send(token['mint(address,uint256)'](await who.getAddress(), amount));
        await send(token.approve(state.pool, amount));
        await send(new ethers.Contract(state.pool, poolAbi, who).supply(r.address, amount, await who.getAddress(), 0));
    };
    const borrow = async (who, symbol, units) => {
        const r = bySymbol[symbol];
        await send(new ethers.Contract(state.pool, poolAbi, who)
            .borrow(r.address, ethers.parseUnits(units, r.decimals), 2, 0, await who.getAddress()));
    };

    // Liquidity for the borrows.
    const configurator = new ethers.Contract(state.configurator,
        abiOf('protocol/pool/PoolConfigurator.sol/PoolConfigurator.json'), admin);
    await send(configurator.setReserveFreeze(bySymbol.DAI.address, false));
    await supply(admin, 'WBTC', '10');
    await supply(admin, 'DAI', '100000');

    const positions = {
        onePair: { supply: [['WETH', '10']], borrow: [['USDC', '12000']] },
        eModePair: { eMode: 1, supply: [['USDC', '10000']], borrow: [['DAI', '9000']] },
        twoCollaterals: { supply: [['WETH', '10'], ['WBTC', '0.5']], borrow: [['USDC', '30000']] },
        twoDebts: { supply: [['WETH', '20']], borrow: [['USDC', '15000'], ['WBTC', '0.2']] },
        noDebt: { supply: [['WETH', '5']], borrow: [] },
    };
    let i = 1;
    for (const p of Object.values(positions)) {
        const who = await signer(i++);
        p.address = await who.getAddress();
        if (p.eMode) await send(new ethers.Contract(state.pool, poolAbi, who).setUserEMode(p.eMode));
        for (const [symbol, units] of p.supply) await supply(who, symbol, units);
        for (const [symbol, units] of p.borrow) await borrow(who, symbol, units);
    }
    for (const r of state.reserves) {
        const t = await dataProvider.getReserveTokensAddresses(r.address);
        r.aToken = t.aTokenAddress;
        r.stableDebtToken = t.stableDebtTokenAddress;
        r.variableDebtToken = t.variableDebtTokenAddress;
    }
    state.positions = positions;
}
