// How the node scripts send transactions to anvil and wait for them.
//
// receiptOf: waits for a transaction's receipt by asking for it. (ethers' wait() looks for it once, then
// only when a new block comes: on anvil, which mines one block per transaction, a receipt that was not
// there yet at that first look never gets a second one and the script hangs.) A reverted transaction
// throws with its gas figures and the revert reason the node gives when the call is replayed.
//
// withGasMargin: gas estimates get a margin. anvil estimates in a block that can carry the same timestamp
// as the last one, where Aave's reserves skip accruing interest (updateState returns early); the real
// transaction can land one second later, accrue, need more gas than the estimate and run out of it. That
// reverted a borrow of positions.mjs in a clean-clone CI run.
export const receiptOf = async (provider, tx) => {
    for (let i = 0; i < 6000; ++i) {
        const receipt = await provider.getTransactionReceipt(tx.hash);
        if (receipt) {
            if (receipt.status === 1) return receipt;
            let reason = '';
            try {
                await provider.call({ from: tx.from, to: tx.to, data: tx.data, value: tx.value, blockTag: receipt.blockNumber - 1 });
            } catch (e) {
                reason = `; replayed: ${e.shortMessage || e.message}`;
            }
            throw new Error(`transaction ${tx.hash} reverted (gas used ${receipt.gasUsed} of ${tx.gasLimit})${reason}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`no receipt for ${tx.hash} after 60 s`);
};

export const withGasMargin = (provider) => {
    const estimate = provider.estimateGas.bind(provider);
    provider.estimateGas = async (tx) => (await estimate(tx)) * 3n / 2n + 100000n;
    return provider;
};
